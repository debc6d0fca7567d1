#!/usr/bin/env bash
# Debian packages the test suite and some features need (OCR, legacy .doc, browser tests,
# benchmark PDFs). Installs only what is missing, and only where apt-get can run as root;
# elsewhere it says what to install and carries on (features that need them report so).
set -u
PACKAGES=(${KEHOACH_APT_PACKAGES:-})
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || echo "warning: could not install ${missing[*]}" >&2
else
  echo "note: install these Debian packages for full functionality: ${missing[*]}" >&2
fi
exit 0
