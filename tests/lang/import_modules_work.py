# every module handoff provides imports, in the usual spellings
import math, random, sys, string, time, itertools, functools
from math import sqrt, pi
from random import randint as ri
import itertools as it
from functools import reduce
print(sqrt(16), round(pi, 2), callable(ri), list(it.islice(it.count(), 3)), reduce(lambda a, b: a + b, [1, 2]))
print(math.__name__, type(math).__name__, it.__name__)
