"""The named worker of pyscript.html (`<script type="py" worker name="helper">`):
the functions it exports are what `workers["helper"]` and `PyWorker` callers reach."""

import sys


def add(a, b):
    return a + b


def describe(items):
    """What arrived from the main thread, as plain Python values."""
    return [items.length, sys.implementation.name]


__export__ = ["add", "describe"]
