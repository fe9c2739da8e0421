# tests/tool/local.mk - shell tests of the ima-carry tool (fake securityfs, fake TPM).
