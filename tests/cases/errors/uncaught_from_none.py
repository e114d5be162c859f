def lookup(key):
    try:
        return {}[key]
    except KeyError:
        raise LookupError('not found: ' + key) from None
lookup('zzz')
