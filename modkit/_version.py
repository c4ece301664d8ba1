"""The version of modkit: the one source for the package metadata and `modkit.__version__`."""

__version__ = "0.1.0"
