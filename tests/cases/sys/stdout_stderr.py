import sys
sys.stdout.write('out line\n')
sys.stderr.write('err line\n')
print('print to stdout')
print('print to stderr', file=sys.stderr)
print(sys.stdout.name if hasattr(sys.stdout, 'name') else '<stdout>', sys.stderr.name if hasattr(sys.stderr, 'name') else '<stderr>')
