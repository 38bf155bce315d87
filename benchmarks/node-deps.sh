# Sourced by the benchmark scripts: installs a node project from the shared folder into
# benchmarks/target/node/<name> with `npm ci` from its lock file (the shared folder is never
# written to), once.
#   find_shared            sets $shared: DT4J_SHARED, else the first ../shared up that has interop/
#   install_node_copy SRC  copies SRC's top-level files to benchmarks/target/node/$(basename SRC),
#                          runs npm ci there unless node_modules exists; prints the folder

find_shared() {
  shared=${DT4J_SHARED:-}
  if [ -z "$shared" ]; then
    local dir
    dir=$(pwd)
    while [ "$dir" != / ] && [ ! -d "$dir/shared/interop" ]; do dir=$(dirname "$dir"); done
    shared=$dir/shared
  fi
}

install_node_copy() {
  local src=$1 dest
  dest=benchmarks/target/node/$(basename "$src")
  mkdir -p "$dest"
  find "$src" -maxdepth 1 -type f -exec cp {} "$dest"/ \;
  if [ ! -d "$dest/node_modules" ]; then
    echo "== npm ci in $dest" >&2
    (cd "$dest" && npm ci --no-audit --no-fund >&2)
  fi
  printf '%s\n' "$dest"
}
