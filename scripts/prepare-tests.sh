#!/usr/bin/env bash
# `npm test` runs this first (the `pretest` script): it makes the machine ready for the whole suite, or stops
# at once saying what is missing. It installs the Debian packages the tests drive for real (Chromium, LibreOffice,
# the CJK fonts, poppler, Tesseract) when it can — as root or with passwordless sudo — and starts the local
# PostgreSQL cluster when it is installed but down. It never runs the suite half-equipped and never hangs: every
# step that waits has a time limit. When everything is present it takes well under a second.
set -uo pipefail

# A line in Chinese and English, for a person reading the test output.
say() { printf 'prepare-tests: %s\n' "$*" >&2; }
# Stops the test run with one line naming what is missing and the command that installs it.
fail() {
  printf '\nprepare-tests: %s\n\n' "$*" >&2
  exit 1
}

# What the tests need from Debian: "package|check|what for". A check is a shell test that succeeds when the
# package's part is present; the first check that fails puts the package on the list. A check holds no "|"
# (the field separator): it tests with [ ] / [[ ]] and command substitution instead of a pipe.
PACKAGES=(
  "chromium|command -v chromium|浏览器测试 browser tests (playwright-core drives /usr/bin/chromium)"
  "libreoffice-writer-nogui|command -v soffice && [ -e \"\$(dirname \"\$(readlink -f \"\$(command -v soffice)\")\")/libswlo.so\" ]|PDF 生成 PDF rendering of reports and letters (soffice and its Writer module)"
  "libreoffice-calc-nogui|[ -e /usr/lib/libreoffice/program/libsclo.so ]|Excel 转 PDF spreadsheet conversion"
  "fontconfig|command -v fc-list|字体配置 font configuration (fc-list)"
  "fonts-noto-cjk|[ -n \"\$(fc-list 'Noto Serif CJK SC' 2>/dev/null)\" ]|中文字体 CJK fonts for PDF and browser rendering"
  "poppler-utils|command -v pdftotext && command -v pdftoppm|读取 PDF reading rendered PDFs back (pdftotext, pdftoppm)"
  "tesseract-ocr|command -v tesseract|扫描件识别 OCR of scanned reports"
  "tesseract-ocr-chi-sim|[[ \"\$(tesseract --list-langs 2>&1)\" == *chi_sim* ]]|简体中文识别 Simplified Chinese OCR data"
  "nginx|[ -x /usr/sbin/nginx ]|反向代理 the shipped nginx site checked with nginx -t (deploy.test.ts; bench: cluster)"
  "openssl|command -v openssl|测试证书 a self-signed certificate for that check"
)

missing=()
for entry in "${PACKAGES[@]}"; do
  IFS='|' read -r package check purpose <<<"$entry"
  bash -c "$check" >/dev/null 2>&1 || missing+=("$package")
done

purpose_of() {
  for entry in "${PACKAGES[@]}"; do
    IFS='|' read -r package _ purpose <<<"$entry"
    [ "$package" = "$1" ] && printf '%s' "$purpose"
  done
}

if [ ${#missing[@]} -gt 0 ]; then
  list="${missing[*]}"
  install="apt-get install -y --no-install-recommends $list"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    for package in "${missing[@]}"; do
      say "缺少 $package（$(purpose_of "$package")），请运行 / missing $package, install it with: sudo $install"
    done
    fail "无法自动安装（需要 root 或免密码 sudo） / cannot install without root or passwordless sudo: sudo apt-get update && sudo $install"
  fi
  prefix="${as_root[*]:+${as_root[*]} }"
  say "安装测试所需的软件包 / installing the packages the tests need: $list"
  apt_options=(-q -o DPkg::Lock::Timeout=120 -o Acquire::Retries=2 -o Acquire::http::Timeout=30)
  if ! timeout 600 "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" update >&2; then
    fail "apt-get update 失败 / apt-get update failed: 请检查软件源后运行 / check the package sources, then run: ${prefix}apt-get update && ${prefix}$install"
  fi
  if ! timeout 1800 "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" install -y --no-install-recommends "${missing[@]}" >&2; then
    fail "软件包安装失败 / installing failed: ${prefix}$install"
  fi
  for entry in "${PACKAGES[@]}"; do
    IFS='|' read -r package check purpose <<<"$entry"
    bash -c "$check" >/dev/null 2>&1 ||
      fail "安装后仍缺少 $package（$purpose） / $package is still missing after the install: ${prefix}apt-get install -y $package"
  done
fi

# PostgreSQL: the same suite runs on both databases (TEST_POSTGRES=skip runs the SQLite half only).
if [ "${TEST_POSTGRES:-}" != "skip" ]; then
  url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
  hostport="${url#*://}"
  hostport="${hostport#*@}"
  hostport="${hostport%%/*}"
  host="${hostport%%:*}"
  port="${hostport##*:}"
  [ "$port" = "$hostport" ] && port=5432
  ready() { pg_isready -h "$host" -p "$port" -q -t 3 2>/dev/null; }
  if ! command -v pg_isready >/dev/null 2>&1; then
    fail "缺少 PostgreSQL 客户端 / PostgreSQL is missing: apt-get install -y postgresql（或设置 / or set TEST_POSTGRES=skip）"
  fi
  if ! ready; then
    local_host=0
    case "$host" in 127.0.0.1 | localhost | ::1 | "") local_host=1 ;; esac
    if [ $local_host -eq 1 ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
      version="$(ls /etc/postgresql | sort -V | tail -n 1)"
      say "启动本机 PostgreSQL $version / starting the local PostgreSQL cluster $version main"
      if [ "$(id -u)" -eq 0 ]; then
        timeout 60 pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
      elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        timeout 60 sudo -n pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
      fi
      for _ in $(seq 1 30); do
        ready && break
        sleep 1
      done
    fi
    ready || fail "PostgreSQL 未运行（$host:$port） / PostgreSQL is not running at $host:$port: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start（或设置 / or set TEST_POSTGRES=skip）"
  fi
fi

exit 0
