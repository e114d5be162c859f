results = []
for item in ['1', '2', 'x']:
    try:
        results.append(int(item))
    except ValueError:
        results.append(undefined_fallback)
