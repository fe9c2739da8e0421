# tests/e2e/local.mk - (owned by that area; empty for now)
