from ..core import VERSION, describe
from . import sibling
def info():
    return (VERSION, describe(), sibling.NAME, __name__, __package__)
