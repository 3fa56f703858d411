"""Reading inputs: bytes on disk to decoded, cleaned lines."""
