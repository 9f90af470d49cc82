package ledger

import (
	"hash/fnv"
	"math"
)

// Seed is the generator's fixed seed: the opening day of the 第三十届兰洽会
// (2024-07-06). Every draw derives from it.
const Seed uint64 = 20240706

// rng is SplitMix64: the package owns its generator so that the shipped
// files regenerate bit for bit under any Go release.
type rng struct{ state uint64 }

// stream returns the generator of one key (a year, a cohort): the draws of
// one key do not depend on those of another.
func stream(key string) *rng {
	h := fnv.New64a()
	h.Write([]byte(key))
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

// intn returns an integer in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.uniform() < p }

// normal returns a standard normal draw (Box–Muller).
func (r *rng) normal() float64 {
	u := r.uniform()
	for u == 0 {
		u = r.uniform()
	}
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*r.uniform())
}

// pick returns one of the weights' indices with probability proportional
// to its weight; cum is the running sum of the weights.
func (r *rng) pick(cum []float64) int {
	x := r.uniform() * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
