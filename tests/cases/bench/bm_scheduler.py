# Copied from /work/shared/bench/bm_scheduler.py with the default size reduced to 10
# (the benchmark's quick size) so it runs as a differential test case.
# Object-oriented simulation: a process scheduler with priority queues,
# CPU-bound and I/O-bound tasks, devices, aging and statistics.
# Stresses method calls, attribute reads/writes, inheritance, super(),
# properties, class attributes and isinstance().
import sys

READY = 0
RUNNING = 1
BLOCKED = 2
DONE = 3


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


class Task:
    kind = "task"

    def __init__(self, tid, priority, work):
        self.tid = tid
        self.priority = priority
        self.base_priority = priority
        self.remaining = work
        self.state = READY
        self.waited = 0
        self.runs = 0
        self.finished_at = -1

    @property
    def done(self):
        return self.remaining <= 0

    def consume(self, amount):
        if amount > self.remaining:
            amount = self.remaining
        self.remaining -= amount
        self.runs += 1
        return amount

    def step(self, sched, quantum):
        return self.consume(quantum)

    def age(self):
        self.waited += 1
        if self.waited > 8 and self.priority > 0:
            self.priority -= 1
            self.waited = 0


class CpuTask(Task):
    kind = "cpu"

    def step(self, sched, quantum):
        used = self.consume(quantum)
        # long-running CPU tasks are demoted
        if self.priority < sched.levels - 1 and self.runs % 3 == 0:
            self.priority += 1
        return used


class IoTask(Task):
    kind = "io"

    def __init__(self, tid, priority, work, device, burst):
        super().__init__(tid, priority, work)
        self.device = device
        self.burst = burst

    def step(self, sched, quantum):
        used = self.consume(self.burst if self.burst < quantum else quantum)
        if not self.done:
            self.state = BLOCKED
            self.device.submit(self, sched.clock)
        self.priority = self.base_priority
        return used


class Device:
    def __init__(self, name, latency):
        self.name = name
        self.latency = latency
        self.pending = []
        self.busy_until = 0
        self.served = 0

    def submit(self, task, now):
        start = now if now > self.busy_until else self.busy_until
        self.busy_until = start + self.latency
        self.pending.append((self.busy_until, task))

    def poll(self, now, sched):
        pending = self.pending
        while pending and pending[0][0] <= now:
            when, task = pending.pop(0)
            self.served += 1
            sched.wake(task)


class Stats:
    def __init__(self):
        self.switches = 0
        self.idle = 0
        self.turnaround = 0
        self.by_kind = {}

    def record_finish(self, task, now):
        self.turnaround += now
        self.by_kind[task.kind] = self.by_kind.get(task.kind, 0) + 1


class Scheduler:
    def __init__(self, levels, quantum):
        self.levels = levels
        self.quantum = quantum
        self.queues = [[] for _ in range(levels)]
        self.devices = []
        self.clock = 0
        self.live = 0
        self.stats = Stats()

    def add_device(self, dev):
        self.devices.append(dev)
        return dev

    def spawn(self, task):
        self.live += 1
        self.wake(task)

    def wake(self, task):
        task.state = READY
        self.queues[task.priority].append(task)

    def pick(self):
        for q in self.queues:
            if q:
                return q.pop(0)
        return None

    def age_waiting(self):
        for level in range(1, self.levels):
            q = self.queues[level]
            moved = []
            for t in q:
                t.age()
                if t.priority != level:
                    moved.append(t)
            for t in moved:
                q.remove(t)
                self.queues[t.priority].append(t)

    def tick_devices(self):
        for dev in self.devices:
            dev.poll(self.clock, self)

    def run(self):
        stats = self.stats
        while self.live > 0:
            self.tick_devices()
            task = self.pick()
            if task is None:
                self.clock += 1
                stats.idle += 1
                continue
            task.state = RUNNING
            stats.switches += 1
            used = task.step(self, self.quantum)
            self.clock += used if used > 0 else 1
            if task.done:
                task.state = DONE
                task.finished_at = self.clock
                self.live -= 1
                stats.record_finish(task, self.clock)
            elif task.state == RUNNING:
                self.wake(task)
            if stats.switches % 16 == 0:
                self.age_waiting()
        return stats


def simulate(seed, ntasks):
    rng = Rng(seed)
    sched = Scheduler(4, 5)
    disk = sched.add_device(Device("disk", 7))
    net = sched.add_device(Device("net", 13))
    tasks = []
    for tid in range(ntasks):
        prio = rng.next(4)
        work = 20 + rng.next(200)
        if rng.next(3) == 0:
            dev = disk if rng.next(2) == 0 else net
            t = IoTask(tid, prio, work, dev, 1 + rng.next(4))
        else:
            t = CpuTask(tid, prio, work)
        tasks.append(t)
        sched.spawn(t)
    stats = sched.run()
    check = stats.switches * 3 + stats.idle * 5 + stats.turnaround
    for t in tasks:
        if isinstance(t, IoTask):
            check += t.finished_at * 2 + t.runs
        else:
            check += t.finished_at + t.runs * 7
    check += disk.served * 11 + net.served * 13
    check += stats.by_kind.get("cpu", 0) * 17 + stats.by_kind.get("io", 0) * 19
    return check


def main(n):
    total = 0
    for i in range(n):
        total = (total * 31 + simulate(i + 1, 120)) % 1000000007
    print("checksum: " + str(total))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
