# tests/kernel/local.mk - (owned by that area; empty for now)
