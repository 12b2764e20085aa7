#!/usr/bin/env bash
# Side-by-side training throughput of vae4j and the PyTorch reference for seed 000's CNN VAE on
# 4-bit Fashion-MNIST, same machine, same run: alternating launches, each side at the thread
# setting given (defaults: each side's best measured on 2 cores), best of N per side.
# vae4j: `vae4j bench` (the optimizer step with batches prepared beforehand, and the whole loop with
# batch preparation); PyTorch: its training loop over the first `batches` batches of an epoch.
# Needs: apt-get install -y python3-torch libopenblas0-pthread dataset-fashion-mnist
# Usage: scripts/compare-cnn.sh [rounds=3] [batches=60] [peers_dir=../shared/peers]
#   VAE4J_OMP / VAE4J_BLAS_THREADS: vae4j's thread setting (default 1 / all cores)
#   TORCH_THREADS / TORCH_OMP / TORCH_OPENBLAS: the reference's (default 2 / 2 / 1, its README's best)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
batches=${2:-60}
peers=${3:-../shared/peers}
spec=examples/fashion-mnist-4bit-cnn-vae.json
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -n1)"
echo "torch: $(/usr/bin/python3 -c 'import torch; print(torch.__version__)')"
vae4j=${VAE4J:-./vae4j}
$vae4j plugins >/dev/null # build once, outside the timings
omp=${VAE4J_OMP:-1}
blas=${VAE4J_BLAS_THREADS:-$(nproc)}
tt=${TORCH_THREADS:-2}
tomp=${TORCH_OMP:-2}
tblas=${TORCH_OPENBLAS:-1}
for r in $(seq 1 "$rounds"); do
  v=$(OMP_NUM_THREADS=$omp VAE4J_BLAS_THREADS=$blas $vae4j bench "$spec" --steps "$batches" --rounds 2 --warmup 5 | tail -n1)
  echo "round $r vae4j  OMP_NUM_THREADS=$omp VAE4J_BLAS_THREADS=$blas: ${v##*: }"
  p=$(OMP_NUM_THREADS=$tomp OPENBLAS_NUM_THREADS=$tblas /usr/bin/python3 "$peers/torch_cnn_vae_4bit.py" "$tt" 1 128 "$batches" | tail -n1)
  echo "round $r torch  OMP_NUM_THREADS=$tomp OPENBLAS_NUM_THREADS=$tblas threads=$tt: $p"
done
