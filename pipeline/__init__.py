"""planalign: parse and align UN action plans (Chinese/English) into TEI-XML."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("planalign")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
