#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# series.sh - the committed patch series are what their edit files and real
# files generate (scripts/series.sh --check): nobody edited a series by
# hand, and nobody changed a file without regenerating what ships it.
exec sh "${top_srcdir:-.}/scripts/series.sh" --check
