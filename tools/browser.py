"""Headless Chromium driven by selenium, for the site's tests, `make views` and the site
benchmark: Debian's `chromium` and `chromium-driver` (`make system-deps` installs them), the
browser's console kept so that a page's errors can be read back."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def available() -> str:
    """Why no browser can run here, or "" when one can."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (path.is_file() or shutil.which(path.name)):
            return f"{path} is missing: `make system-deps` installs chromium and chromium-driver"
    return ""


@contextmanager
def chromium(width: int = 1400, height: int = 1000) -> Iterator[webdriver.Chrome]:
    """One browser session; given paths, selenium asks no network for a driver."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM if CHROMIUM.is_file() else shutil.which("chromium"))
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = CHROMEDRIVER if CHROMEDRIVER.is_file() else shutil.which("chromedriver")
    driver = webdriver.Chrome(service=Service(str(driver_path)), options=options)
    try:
        resize(driver, width, height)
        yield driver
    finally:
        driver.quit()


def resize(driver: webdriver.Chrome, width: int, height: int = 1000) -> None:
    """The viewport (not the window) `width` × `height` CSS pixels."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def console_errors(driver: webdriver.Chrome) -> list[str]:
    """The console's errors since last asked (a failed load, a script error)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def interactive_ms(driver: webdriver.Chrome) -> tuple[float, float]:
    """Of the page just loaded: domInteractive and domContentLoadedEventEnd, in ms from the
    start of navigation (the browser's own performance timing)."""
    timing = driver.execute_script(
        "const t = performance.getEntriesByType('navigation')[0];"
        "return [t.domInteractive, t.domContentLoadedEventEnd];"
    )
    return float(timing[0]), float(timing[1])
