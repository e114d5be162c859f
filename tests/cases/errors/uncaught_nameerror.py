def compute():
    return total_value * 2
compute()
