#!/bin/sh
# The committed service models must be exactly what scripts/gen-aws-models writes from this machine's
# botocore and awscli: a hand edit, or a botocore upgrade without regenerating, fails here.
# usage: check_models_fresh.sh PYTHON SOURCE_DIR SCRATCH_DIR
python="$1" src="$2" scratch="$3"
"$python" -c "import awscli, botocore" 2>/dev/null || { echo "awscli/botocore not importable: skipped"; exit 77; }
rm -rf "$scratch" && mkdir -p "$scratch"
"$python" "$src/scripts/gen-aws-models" --out "$scratch" >/dev/null || exit 1
if ! diff -rq "$src/core/aws/models" "$scratch"; then
  echo "the committed models differ from what scripts/gen-aws-models writes: run it and commit the result"
  exit 1
fi
echo "$(ls "$scratch" | wc -l) model files match the generator"
