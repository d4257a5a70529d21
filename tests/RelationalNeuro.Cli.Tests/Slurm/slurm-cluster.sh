#!/usr/bin/env bash
# A one-node Slurm cluster for the rn array test, without systemd (facts: ../shared/research/slurm-ci.md).
#   slurm-cluster.sh start DIR   writes DIR/slurm.conf, starts munged (unless one answers), slurmctld and slurmd,
#                                waits for the node to be idle. Exit 3 = cannot run here (reason on stdout).
#   slurm-cluster.sh stop DIR    stops what start started, by the PIDs it recorded.
# Clients need SLURM_CONF=DIR/slurm.conf.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?folder}

stop_pid() { # pidfile name
  local pid
  [ -f "$1" ] || return 0
  pid=$(cat "$1")
  if [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = "$2" ]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
  fi
}

case "$cmd" in
start)
  [ "$(id -u)" -eq 0 ] || { echo "skip: Slurm needs root here (slurmd runs as root); running as $(id -un)"; exit 3; }
  for b in munge unmunge munged slurmctld slurmd sbatch squeue sinfo runuser; do
    command -v "$b" >/dev/null 2>&1 || [ -x "/usr/sbin/$b" ] || { echo "skip: $b is not installed (apt-get install slurmctld slurmd slurm-client munge)"; exit 3; }
  done
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  chmod 755 "$(dirname "$dir")" "$dir"   # slurmctld runs as user slurm and must reach its state folder
  chown slurm:slurm "$dir/state" "$dir/log"

  if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    [ -f /etc/munge/munge.key ] || mungekey --create >/dev/null 2>&1 || /usr/sbin/mungekey --create
    mkdir -p /run/munge && chown munge:munge /run/munge
    runuser -u munge -- /usr/sbin/munged
    touch "$dir/munge-started"
    for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
    munge -n | unmunge >/dev/null || { echo "skip: munged did not start"; exit 3; }
  fi

  host=$(hostname -s)
  cpus=$(nproc)
  mem=$(( $(free -m | awk '/^Mem:/ {print $2}') - 512 ))
  cat > "$dir/slurm.conf" <<CONF
ClusterName=rntest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=${RN_SLURMCTLD_PORT:-6817}
SlurmdPort=${RN_SLURMD_PORT:-6818}
SlurmUser=slurm
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MailProg=/bin/true
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/state/slurmctld.pid
SlurmdPidFile=$dir/spool/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  /usr/sbin/slurmctld -f "$SLURM_CONF"
  /usr/sbin/slurmd -f "$SLURM_CONF"
  for _ in $(seq 300); do
    state=$(sinfo -h -o %t 2>/dev/null || true)
    [ "$state" = "idle" ] && { echo "slurm: node $host idle ($cpus CPUs)"; exit 0; }
    sleep 0.1
  done
  echo "error: the node did not become idle (state '$state'); logs:"
  tail -n 20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" 2>/dev/null || true
  exit 1
  ;;
stop)
  stop_pid "$dir/spool/slurmd.pid" slurmd
  stop_pid "$dir/state/slurmctld.pid" slurmctld
  if [ -f "$dir/munge-started" ]; then stop_pid /run/munge/munged.pid munged; fi
  ;;
*) echo "usage: slurm-cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
