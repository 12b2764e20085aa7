#!/usr/bin/env bash
# Side-by-side training throughput of vae4j and the PyTorch reference MLP VAE, same machine, same
# run: alternating launches, each side at its best thread setting, best of N per side (two-thread
# settings are bimodal per process on shared machines, see ../shared/peers/README.md).
# Needs: apt-get install -y python3-torch libopenblas0-pthread dataset-fashion-mnist
# Usage: scripts/compare-mlp.sh [rounds=3] [epochs=1] [peers_dir=../shared/peers]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
epochs=${2:-1}
peers=${3:-../shared/peers}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -n1)"
echo "torch: $(/usr/bin/python3 -c 'import torch; print(torch.__version__)')"
vae4j=${VAE4J:-./vae4j}
$vae4j plugins >/dev/null # build once, outside the timings
for r in $(seq 1 "$rounds"); do
  rm -rf "$out/run"
  OMP_NUM_THREADS=1 $vae4j train examples/fashion-mnist-mlp-vae.json --epochs "$epochs" --out "$out/run" --no-progress >/dev/null
  v=$(tail -n1 "$out/run/metrics.csv" | awk -F, '{print $NF}')
  t=$(python3 -c "import json;print(round(json.load(open('$out/run/summary.json'))['test_neg_elbo'],2))")
  echo "round $r vae4j  OMP_NUM_THREADS=1 VAE4J_BLAS_THREADS=$(nproc) VAE4J_SYSTEM_BLAS=${VAE4J_SYSTEM_BLAS:-1}: train_samples_per_s=$v (epoch $epochs) test_neg_elbo=$t"
  p=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=2 /usr/bin/python3 "$peers/torch_mlp_vae.py" 1 "$epochs" 128)
  echo "round $r torch  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=2 threads=1: $p"
done
