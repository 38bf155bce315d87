package io.dt4j.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * IPLD data-model values in JSON, as DAG-JSON writes them: a link is {@code {"/": "<cid>"}}, bytes
 * are {@code {"/": {"bytes": "<base64, no padding>"}}}, whole numbers are integers, other numbers
 * floats. This is how vouchers and selectors are typed on the command line and in the admin API;
 * the voucher's {@code VoucherType} then decodes the DAG-CBOR of the value, so any voucher type can
 * be given without a JSON codec of its own.
 */
public final class DagJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private DagJson() {}

  /**
   * Converts JSON to a data-model value.
   *
   * @param json the JSON
   * @return the value
   * @throws IllegalArgumentException naming what cannot be converted, e.g. a malformed CID
   */
  public static Node toNode(JsonNode json) {
    return switch (json.getNodeType()) {
      case NULL -> Node.NULL;
      case BOOLEAN -> Node.of(json.booleanValue());
      case NUMBER -> number(json);
      case STRING -> Node.of(json.textValue());
      case ARRAY -> list(json);
      case OBJECT -> object((ObjectNode) json);
      default -> throw new IllegalArgumentException("unsupported JSON value: " + json);
    };
  }

  /**
   * Converts a data-model value to JSON.
   *
   * @param node the value
   * @return the JSON
   */
  public static JsonNode toJson(Node node) {
    if (node instanceof Node.Bool b) {
      return JSON.booleanNode(b.value());
    } else if (node instanceof Node.Int i) {
      return JSON.numberNode(i.value());
    } else if (node instanceof Node.Float f) {
      return JSON.numberNode(f.value());
    } else if (node instanceof Node.Str s) {
      return JSON.textNode(s.value());
    } else if (node instanceof Node.Bytes b) {
      String base64 = Base64.getEncoder().withoutPadding().encodeToString(b.value());
      return JSON.objectNode().set("/", JSON.objectNode().put("bytes", base64));
    } else if (node instanceof Node.Link l) {
      return JSON.objectNode().put("/", l.cid().toString());
    } else if (node instanceof Node.ListNode l) {
      ArrayNode array = JSON.arrayNode();
      l.items().forEach(item -> array.add(toJson(item)));
      return array;
    } else if (node instanceof Node.MapNode m) {
      ObjectNode object = JSON.objectNode();
      m.entries().forEach((key, value) -> object.set(key, toJson(value)));
      return object;
    }
    return JSON.nullNode();
  }

  private static Node number(JsonNode json) {
    if (json.isIntegralNumber()) {
      if (!json.canConvertToLong()) {
        throw new IllegalArgumentException("integer out of the 64-bit range: " + json);
      }
      return Node.of(json.longValue());
    }
    return new Node.Float(json.doubleValue());
  }

  private static Node list(JsonNode json) {
    List<Node> items = new ArrayList<>();
    json.forEach(item -> items.add(toNode(item)));
    return new Node.ListNode(items);
  }

  private static Node object(ObjectNode json) {
    JsonNode slash = json.get("/");
    if (slash != null && json.size() == 1) {
      if (slash.isTextual()) {
        return Node.link(cid(slash.textValue()));
      }
      JsonNode bytes = slash.get("bytes");
      if (slash.isObject() && slash.size() == 1 && bytes != null && bytes.isTextual()) {
        return Node.of(base64(bytes.textValue()));
      }
    }
    Node.MapBuilder map = Node.map();
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      map.put(entry.getKey(), toNode(entry.getValue()));
    }
    return map.build();
  }

  private static Cid cid(String text) {
    try {
      return Cid.parse(text);
    } catch (MalformedIpldException e) {
      throw new IllegalArgumentException("bad link {\"/\": \"" + text + "\"}: " + e.getMessage());
    }
  }

  private static byte[] base64(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad bytes {\"/\": {\"bytes\": ...}}: " + e.getMessage());
    }
  }
}
