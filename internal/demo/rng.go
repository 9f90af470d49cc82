package demo

import (
	"hash/fnv"
	"math"
)

// Seed is the generator's fixed seed: the date of the 2022 evaluation
// notice (2023-03-31). Every draw derives from it.
const Seed uint64 = 20230331

// rng is SplitMix64 (Steele, Lea and Flood 2014). The demo owns its
// generator instead of using math/rand so that the published example files
// can be regenerated bit for bit by any later Go release.
type rng struct{ state uint64 }

// stream returns the generator for one quantity of one county (or any
// other key): each value depends only on the seed and its key, never on the
// order in which other values are drawn, so adding an indicator leaves the
// others unchanged.
func stream(key ...string) *rng {
	h := fnv.New64a()
	for _, k := range key {
		h.Write([]byte(k))
		h.Write([]byte{0})
	}
	return &rng{state: Seed ^ h.Sum64()}
}

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// uniform returns a number in [0, 1).
func (r *rng) uniform() float64 { return float64(r.next()>>11) / (1 << 53) }

// normal returns a standard normal number (Box–Muller).
func (r *rng) normal() float64 {
	u := 1 - r.uniform() // (0, 1]: log is finite
	v := r.uniform()
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*v)
}

// intn returns an integer in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// draw is a shorthand: mean + sd × a standard normal from the stream of key.
func draw(mean, sd float64, key ...string) float64 { return mean + sd*stream(key...).normal() }

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// round returns v rounded half away from zero to d decimals, as statistical
// tables print it.
func round(v float64, d int) float64 {
	p := math.Pow10(d)
	return math.Round(v*p) / p
}
