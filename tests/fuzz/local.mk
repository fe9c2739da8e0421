# tests/fuzz/local.mk - (owned by that area; empty for now)
