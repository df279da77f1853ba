#!/usr/bin/env bash
# `npm test` runs this first: the tests prove remodel's output with the real tools users run (Debian's packages, for
# /usr/bin/python3). It installs whichever of them is missing when it can (root with apt-get), else names them and stops.
set -euo pipefail

# "<debian package> <check command>": the check passes when the package's part the tests use is there
required=(
  "python3-sqlalchemy /usr/bin/python3 -c 'import sqlalchemy'"
  "git command -v git"
)

missing=()
for entry in "${required[@]}"; do
  package=${entry%% *}
  check=${entry#* }
  eval "$check" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "pretest: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "pretest: the tests need these Debian packages, which are missing: ${missing[*]} (apt-get install ${missing[*]})" >&2
exit 1
