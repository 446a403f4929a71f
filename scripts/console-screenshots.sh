#!/usr/bin/env bash
# Takes the console's screenshots the way docs/console.md shows them: runs the browser journeys
# (ConsoleJourneysTest, headless Chromium from Debian's chromium and chromium-driver, and fonts-wqy-zenhei for the
# Chinese pages) and copies each page's picture to docs/images/console. Look at every one before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
UNBIND_TEST_BROWSER=required ./mvnw -q -B test -Dtest=ConsoleJourneysTest -Dsurefire.failIfNoSpecifiedTests=false
mkdir -p docs/images/console
cp target/console-screenshots/*.png docs/images/console/
# A third of the size, with no visible difference on a page of text (apt-get install pngquant).
if command -v pngquant >/dev/null 2>&1; then
    pngquant --force --ext .png --quality 70-95 --speed 1 docs/images/console/*.png
fi
ls -1 docs/images/console
