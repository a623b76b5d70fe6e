# Sourced by the benchmark scripts: write_packs DIR N [VARIANT] writes N simulated 24S NCM packs ticking at 10 Hz
# (p1 … pN), each a pack configuration and its simulated pack, into DIR/config, balanced by the EK-L20S1A variant
# VARIANT (default datasheet: a 20-string board, so a 24S pack is a cascade of two with channels 5-20 of the second
# open, a board fault). VARIANT s24 is the board wired for 24 strings (it supports 2 to 24), whose configuration
# write_packs then writes too: the packs are healthy.
write_packs() {
  local dir=$1 packs=$2 variant=${3:-datasheet} i
  mkdir -p "$dir/config"
  if [ "$variant" = s24 ]; then
    printf 'cellgate.variant=s24\ncellgate.strings=24\n' > "$dir/config/io.cellgate.balancer.ek.variant-s24.cfg"
  fi
  for i in $(seq 1 "$packs"); do
    printf 'pack.id=p%s\ncells=24\nchemistry=NCM\ntick.ms=100\nbalancer.target=(&(cellgate.model=EK-L20S1A)(cellgate.variant=%s))\nsource.target=(cellgate.pack=p%s)\noutputs.target=(cellgate.pack=p%s)\nindicators.target=(cellgate.pack=p%s)\n' \
      "$i" "$variant" "$i" "$i" "$i" > "$dir/config/io.cellgate.pack-p$i.cfg"
    printf 'cellgate.pack=p%s\ncells=24\nchemistry=NCM\nsoc.spread.percent=5\nseed=%s\n' "$i" "$i" \
      > "$dir/config/io.cellgate.sim.pack-p$i.cfg"
  done
}
