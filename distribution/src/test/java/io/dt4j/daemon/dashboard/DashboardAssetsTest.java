package io.dt4j.daemon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DashboardAssetsTest {
  @Test
  void baseServesTheIndexPageAsHtml() {
    DashboardAssets.Asset index = DashboardAssets.find("/ui/").orElseThrow();

    assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(new String(index.bytes(), StandardCharsets.UTF_8))
        .contains("<script type=\"module\" src=\"js/app.js\"></script>");
  }

  @Test
  void scriptsAndStylesComeWithTheirTypes() {
    assertThat(DashboardAssets.find("/ui/js/app.js"))
        .hasValueSatisfying(a -> assertThat(a.contentType()).startsWith("text/javascript"));
    assertThat(DashboardAssets.find("/ui/dashboard.css"))
        .hasValueSatisfying(a -> assertThat(a.contentType()).startsWith("text/css"));
    assertThat(DashboardAssets.find("/ui/favicon.svg"))
        .hasValueSatisfying(a -> assertThat(a.contentType()).isEqualTo("image/svg+xml"));
  }

  @Test
  void pathsOutsideTheDashboardOrItsFilesFindNothing() {
    assertThat(DashboardAssets.find("/ui/../admin/AdminServer.class")).isEmpty();
    assertThat(DashboardAssets.find("/ui/js/../../DashboardAssets.class")).isEmpty();
    assertThat(DashboardAssets.find("/ui/DashboardAssets.class")).isEmpty();
    assertThat(DashboardAssets.find("/ui/.hidden.js")).isEmpty();
    assertThat(DashboardAssets.find("/ui/js/")).isEmpty();
    assertThat(DashboardAssets.find("/ui/nope.js")).isEmpty();
    assertThat(DashboardAssets.find("/api/v0/ID")).isEmpty();
    assertThat(DashboardAssets.find("/index.html")).isEmpty();
  }

  @Test
  void everyScriptTheIndexLoadsIsBundled() {
    for (String module :
        new String[] {
          "app",
          "api",
          "events",
          "store",
          "dom",
          "format",
          "channels-view",
          "channel-view",
          "node-view",
          "sparkline"
        }) {
      assertThat(DashboardAssets.find("/ui/js/" + module + ".js")).as(module).isPresent();
    }
  }
}
