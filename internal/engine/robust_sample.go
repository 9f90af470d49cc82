package engine

import (
	"math/bits"
	"math/rand/v2"
)

// The kinds of uncertain input, in the order in which a replicate draws
// them and in which the Sobol indices are reported.
const (
	varImpute = iota
	varWinMax
	varNormalise
	varWeights
	varAggregate
	varLeaveOut
)

// varNames name the uncertain inputs in outputs.
var varNames = [...]string{"impute", "winmax", "normalise", "weights", "aggregate", "leave_out"}

// variable is one uncertain input and its number of alternatives (0 for
// the weights, which are continuous).
type variable struct {
	kind, n int
}

// A sample point gives every uncertain input one uniform 64-bit draw: a
// discrete input maps it to an alternative, the weights use it as the
// seed of their own stream of factors. Keeping points as raw draws lets the
// Saltelli design swap whole inputs between its matrices A and B, weights
// included (COINr's sampling of one noisy weight set per replicate).

// mix64 is the SplitMix64 finaliser: it turns (seed, index) pairs, which
// are close to each other, into unrelated generator states.
func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// streamFor returns the random stream of replicate (or base row) i: it
// depends on seed and i only, so the output does not depend on which
// goroutine runs the replicate.
func streamFor(seed, i uint64) rand.PCG {
	var p rand.PCG
	p.Seed(mix64(seed^mix64(i)), mix64(i^mix64(^seed)))
	return p
}

// drawPoint fills x with one draw per uncertain input from p.
func drawPoint(p *rand.PCG, x []uint64) {
	for i := range x {
		x[i] = p.Uint64()
	}
}

// unitFloat maps a 64-bit draw to [0, 1) with 53 random bits.
func unitFloat(r uint64) float64 { return float64(r>>11) * 0x1p-53 }

// pick maps a draw to one of n alternatives, each with probability 1/n
// (floor(u·n) for u = r/2⁶⁴, COINr's cut of [0, 1] into n equal bins).
func pick(r uint64, n int) int {
	hi, _ := bits.Mul64(r, uint64(n))
	return int(hi)
}

// decode turns the sample point x into the choice wk.c, with the noisy
// weights in wk.noisyW.
func (r *Robustness) decode(x []uint64, wk *robustWork) {
	c := &wk.c
	*c = Choice{}
	for i, v := range r.vars {
		switch v.kind {
		case varImpute:
			c.Impute = pick(x[i], v.n)
		case varWinMax:
			c.WinMax = pick(x[i], v.n)
		case varNormalise:
			c.Normalise = pick(x[i], v.n)
		case varAggregate:
			c.Aggregate = pick(x[i], v.n)
		case varLeaveOut:
			c.LeaveOut = pick(x[i], v.n)
		case varWeights:
			c.Weights = r.noisyWeights(x[i], wk.noisyW)
		}
	}
}

// noisyWeights writes into w the nominal weights with every noisy node's
// weight multiplied by a factor uniform in [1−f, 1+f], drawn from the
// stream seeded by r, and returns w. The noise is added as COINr adds it,
// w + (2u − 1)·f·w.
func (r *Robustness) noisyWeights(draw uint64, w []float64) []float64 {
	copy(w, r.nomW)
	p := streamFor(draw, 0x6e6f697379) // "noisy"
	for _, nn := range r.noisy {
		u := unitFloat(p.Uint64())
		w[nn.node] += (u*2 - 1) * nn.factor * w[nn.node]
	}
	return w
}

// saltelliPoint writes into x the point of run k of a Saltelli design of
// base size n over d inputs: blocks of n runs A, B, then A_B^i for every
// input i (A with input i taken from B), as COINr's SA_sample orders them.
// Base row j of A and B comes from the stream (seed, j); a and b are
// scratch of length d.
func saltelliPoint(seed uint64, k, n int, x, a, b []uint64) {
	j, blk := k%n, k/n
	p := streamFor(seed, uint64(j))
	drawPoint(&p, a)
	drawPoint(&p, b)
	switch blk {
	case 0:
		copy(x, a)
	case 1:
		copy(x, b)
	default:
		copy(x, a)
		x[blk-2] = b[blk-2]
	}
}

// The functions below expose the engine's sampling to analyses whose
// replicates run outside this package (internal/method), so that they draw
// exactly as the uncertainty analysis does.

// ReplicateStream returns the random stream of replicate (or Saltelli base
// row) i of a run seeded by seed; it depends on seed and i only.
func ReplicateStream(seed, i uint64) rand.PCG { return streamFor(seed, i) }

// DrawPoint fills x with one uniform 64-bit draw per uncertain input.
func DrawPoint(p *rand.PCG, x []uint64) { drawPoint(p, x) }

// Pick maps a uniform 64-bit draw to one of n alternatives, each with
// probability 1/n.
func Pick(r uint64, n int) int { return pick(r, n) }

// UnitFloat maps a uniform 64-bit draw to [0, 1).
func UnitFloat(r uint64) float64 { return unitFloat(r) }

// SaltelliPoint writes into x the sample point of run k of a Saltelli
// design of base size n (blocks A, B, then A_B^i per input); a and b are
// scratch of len(x).
func SaltelliPoint(seed uint64, k, n int, x, a, b []uint64) { saltelliPoint(seed, k, n, x, a, b) }
