package method

import "math"

// Stability describes how much the overall ranks moved against last year:
// Spearman's rank correlation, the mean and the largest absolute move over
// the units ranked in both years, and for each unit how its move splits
// into the part due to the change of method and the part due to the data.
type Stability struct {
	Units    int     // units ranked in both years
	Spearman float64 // NaN for fewer than two units
	MeanAbs  float64 // mean |move| in places
	MaxAbs   float64 // largest |move|
	// Per unit (NaN where undefined): Method is the places moved by the
	// change of method (last year's published rank − last year's data
	// rescored under this method), Data those moved by the data (rescored
	// rank − this year's rank); MethodShare is |Method| / (|Method| +
	// |Data|). Without a rescored baseline all three are NaN.
	Method, Data, MethodShare []float64
}

// StabilityOf returns the stability of o's overall ranks against the
// previous published ranks (and the rescored ones, when given).
func StabilityOf(o *Outcome) Stability {
	return StabilityFrom(o.Rank, o.ChangePublished, o.ChangeRescored)
}

// StabilityFrom computes the stability from each unit's rank, its move
// against last year's published rank (a rise is positive, NaN when absent)
// and its move against last year's rescored rank (nil when unknown).
func StabilityFrom(rank, published, rescored []float64) Stability {
	n := len(rank)
	s := Stability{Spearman: math.NaN(), Method: make([]float64, n), Data: make([]float64, n), MethodShare: make([]float64, n)}
	var prev, cur []float64
	for u := range rank {
		s.Method[u], s.Data[u], s.MethodShare[u] = math.NaN(), math.NaN(), math.NaN()
		if u >= len(published) || math.IsNaN(published[u]) || math.IsNaN(rank[u]) {
			continue
		}
		prev, cur = append(prev, rank[u]+published[u]), append(cur, rank[u])
		d := math.Abs(published[u])
		s.MeanAbs += d
		s.MaxAbs = math.Max(s.MaxAbs, d)
		if rescored != nil && u < len(rescored) && !math.IsNaN(rescored[u]) {
			s.Data[u] = rescored[u]
			s.Method[u] = published[u] - rescored[u]
			if tot := math.Abs(s.Method[u]) + math.Abs(s.Data[u]); tot > 0 {
				s.MethodShare[u] = math.Abs(s.Method[u]) / tot
			}
		}
	}
	s.Units = len(prev)
	if s.Units > 0 {
		s.MeanAbs /= float64(s.Units)
	}
	if s.Units > 1 {
		s.Spearman = pearson(prev, cur)
	}
	return s
}

// pearson is the correlation of x and y: on ranks, Spearman's coefficient
// (ties keep the ranks they were given).
func pearson(x, y []float64) float64 {
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}
