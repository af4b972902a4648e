#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Flatpak manifest cannot be built here (no runtime offline); check what
# can be checked: flatpak-builder parses it, every remote source is pinned
# (sha256 for downloads, a commit for git), and the sandbox holes are only
# the ones the app needs.
set -u
manifest=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if command -v flatpak-builder >/dev/null 2>&1; then
  # flatpak-builder keeps its state in .flatpak-builder/ of the current
  # folder: run it in the temporary one, not in the clone.
  if ! (cd "$tmp" && flatpak-builder --show-manifest "$manifest") >"$tmp/shown.json" 2>"$tmp/err"; then
    echo "flatpak-builder --show-manifest failed:" >&2
    cat "$tmp/err" >&2
    exit 1
  fi
else
  echo "flatpak-builder is not installed" >&2
  exit 1
fi

exec python3 - "$tmp/shown.json" "$manifest" <<'PY'
import json, sys
shown, path = sys.argv[1], sys.argv[2]
m = json.load(open(shown))
problems = []

allowed = {"--socket=wayland", "--socket=fallback-x11", "--share=ipc",
           "--device=dri", "--share=network"}
args = m.get("finish-args", [])
for a in args:
    if a not in allowed:
        problems.append(f"finish-args: {a} is not allowed (secrets, files, "
                        "printing and background go through portals)")
for a in allowed - set(args):
    problems.append(f"finish-args: {a} is missing")
if not m.get("cleanup"):
    problems.append("no top-level cleanup list")
if m.get("id", m.get("app-id")) != "io.github.overdue.Overdue":
    problems.append("the id is not io.github.overdue.Overdue")
if m.get("runtime") != "org.gnome.Platform" or m.get("sdk") != "org.gnome.Sdk":
    problems.append("runtime/sdk are not org.gnome.Platform/org.gnome.Sdk")

def walk(modules, where):
    for mod in modules:
        if isinstance(mod, str):
            problems.append(f"{where}: module {mod} is an external file; inline it")
            continue
        name = f"{where}/{mod.get('name', '?')}"
        for i, src in enumerate(mod.get("sources", [])):
            if isinstance(src, str):
                problems.append(f"{name}: source {src} is an external file")
                continue
            kind = src.get("type")
            label = f"{name}: source {i} ({kind})"
            if kind in ("archive", "file") and "url" in src:
                sha = src.get("sha256", "")
                if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
                    problems.append(f"{label}: {src['url']} has no sha256")
            elif kind == "git":
                commit = src.get("commit", "")
                if len(commit) != 40:
                    problems.append(f"{label}: {src.get('url')} is not pinned to a commit")
            elif kind in ("dir", "patch", "shell", "script") or (kind == "file" and "path" in src):
                pass  # local to the clone: nothing to pin
            else:
                problems.append(f"{label}: cannot tell whether it is pinned")
        walk(mod.get("modules", []), name)

walk(m.get("modules", []), path)
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
