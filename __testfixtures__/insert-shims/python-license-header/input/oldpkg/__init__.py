# Copyright (c) 2020 Example Inc.
# Licensed under the MIT License.

from oldpkg.core import VALUE

__all__ = ["VALUE"]
