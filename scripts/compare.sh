#!/usr/bin/env bash
# Whole-epoch training throughput of vae4j and the PyTorch references, side by side in one run:
# alternating launches, best of N per side, each side at the thread setting named. vae4j's figure is
# every training example of the run over the summed training seconds of its epochs (metrics.csv),
# so the JVM's warm-up counts; PyTorch's is what the reference prints for its epochs.
# Needs: apt-get install -y python3-torch libopenblas0-pthread dataset-fashion-mnist
# Usage: scripts/compare.sh WORKLOAD [rounds=3] [epochs] [peers_dir=../shared/peers]
#   WORKLOAD: both (mlp, then cnn with VAE4J_OMP=2 unless set: the two workloads of docs/BENCHMARKS.md),
#             mlp (examples/fashion-mnist-mlp-vae.json vs torch_mlp_vae.py, default 3 epochs),
#             cnn (examples/fashion-mnist-4bit-cnn-vae.json vs torch_cnn_vae_4bit.py, default 1),
#             mlp-gan, dcgan (examples/fashion-mnist-*gan.json vs torch_gan.py, default 1)
#   VAE4J_OMP: vae4j's OMP_NUM_THREADS (default: the launcher's)
#   TORCH_THREADS / TORCH_OMP / TORCH_OPENBLAS: the reference's (default: its README's best)
set -euo pipefail
cd "$(dirname "$0")/.."
workload=${1:?usage: scripts/compare.sh both|mlp|cnn|mlp-gan|dcgan [rounds] [epochs] [peers]}
rounds=${2:-3}
if [ "$workload" = both ]; then
  # each workload at its own default epochs; vae4j's threads: the launcher's for the MLP, two for the CNN
  echo "== mlp"; "$0" mlp "$rounds" "" "${4:-../shared/peers}"
  echo "== cnn"; VAE4J_OMP=${VAE4J_OMP:-2} "$0" cnn "$rounds" "" "${4:-../shared/peers}"
  exit
fi
peers=${4:-../shared/peers}
case "$workload" in
  mlp) spec=examples/fashion-mnist-mlp-vae.json; epochs=${3:-3}; tt=1; tomp=1; tblas=2
       torch() { /usr/bin/python3 "$peers/torch_mlp_vae.py" "$1" "$2" 128; } ;;
  cnn) spec=examples/fashion-mnist-4bit-cnn-vae.json; epochs=${3:-1}; tt=2; tomp=2; tblas=1
       torch() { /usr/bin/python3 "$peers/torch_cnn_vae_4bit.py" "$1" "$2" 128 | awk '/train_samples/ && !f { print; f = 1 }'; } ;;
  mlp-gan) spec=examples/fashion-mnist-mlp-gan.json; epochs=${3:-1}; tt=1; tomp=1; tblas=2
       torch() { /usr/bin/python3 "$peers/torch_gan.py" mlp "$1" "$2" 128; } ;;
  dcgan) spec=examples/fashion-mnist-dcgan.json; epochs=${3:-1}; tt=2; tomp=2; tblas=1
       torch() { /usr/bin/python3 "$peers/torch_gan.py" dcgan "$1" "$2" 128; } ;;
  *) echo "unknown workload '$workload': mlp, cnn, mlp-gan or dcgan" >&2; exit 2 ;;
esac
tt=${TORCH_THREADS:-$tt}
tomp=${TORCH_OMP:-$tomp}
tblas=${TORCH_OPENBLAS:-$tblas}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -n1); torch: $(/usr/bin/python3 -c 'import torch; print(torch.__version__)')"
vae4j=${VAE4J:-./vae4j}
$vae4j plugins >/dev/null # build once, outside the timings
for r in $(seq 1 "$rounds"); do
  rm -rf "$out/run"
  ${VAE4J_OMP:+env OMP_NUM_THREADS=$VAE4J_OMP} $vae4j train "$spec" --epochs "$epochs" --out "$out/run" --no-progress >/dev/null
  v=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "seconds") s = i; next }
               { t += $s } END { printf "%.3f", t }' "$out/run/metrics.csv")
  n=$(python3 -c "import json; s=json.load(open('$out/run/summary.json')); print(s.get('test_neg_elbo', s.get('test_loss_d', '')))")
  ex=$(python3 -c "
import csv
rows=list(csv.DictReader(open('$out/run/metrics.csv')))
print(sum(float(r['seconds']) * float(r['train_samples_per_s']) for r in rows))")
  echo "round $r vae4j  OMP_NUM_THREADS=${VAE4J_OMP:-launcher default}: train_samples_per_s=$(python3 -c "print(round($ex / $v))") over $epochs epoch(s), ${v}s; test figure $n"
  p=$(OMP_NUM_THREADS=$tomp OPENBLAS_NUM_THREADS=$tblas torch "$tt" "$epochs" | tail -n1)
  echo "round $r torch  OMP_NUM_THREADS=$tomp OPENBLAS_NUM_THREADS=$tblas threads=$tt: $p"
done
