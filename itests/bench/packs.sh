# Sourced by the benchmark scripts: write_packs DIR N writes N simulated 24S NCM packs ticking at 10 Hz (p1 … pN),
# each a pack configuration and its simulated pack, into DIR/config.
write_packs() {
  local dir=$1 packs=$2 i
  mkdir -p "$dir/config"
  for i in $(seq 1 "$packs"); do
    printf 'pack.id=p%s\ncells=24\nchemistry=NCM\ntick.ms=100\nbalancer.target=(&(cellgate.model=EK-L20S1A)(cellgate.variant=datasheet))\nsource.target=(cellgate.pack=p%s)\noutputs.target=(cellgate.pack=p%s)\nindicators.target=(cellgate.pack=p%s)\n' \
      "$i" "$i" "$i" "$i" > "$dir/config/io.cellgate.pack-p$i.cfg"
    printf 'cellgate.pack=p%s\ncells=24\nchemistry=NCM\nsoc.spread.percent=5\nseed=%s\n' "$i" "$i" \
      > "$dir/config/io.cellgate.sim.pack-p$i.cfg"
  done
}
