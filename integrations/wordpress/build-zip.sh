#!/usr/bin/env bash
# Builds gazette-shield.zip, the file WordPress's "Plugins → Add New → Upload Plugin" takes: the plugin's folder
# as it is (no build step), with the version from its header in the name.
# Usage: integrations/wordpress/build-zip.sh [OUT_DIR]   (default: target/ at the repository's root)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../target}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
version="$(sed -n 's/^ \* Version: *//p' "$here/gazette-shield/gazette-shield.php" | head -1)"
for f in "$here"/gazette-shield/*.php "$here"/gazette-shield/includes/*.php; do
  php -l "$f" >/dev/null
done
zip="$out/gazette-shield-$version.zip"
rm -f "$zip"
if command -v zip >/dev/null; then
  (cd "$here" && zip -qr -X "$zip" gazette-shield)
else
  # python3's zipfile where the zip tool is missing (Debian installs python3 more often than zip).
  (cd "$here" && python3 -c 'import sys, os, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk("gazette-shield"):
        dirs.sort()
        for f in sorted(files):
            z.write(os.path.join(root, f))' "$zip")
fi
echo "$zip"
