package engine

import "math"

// ColumnStats is one row of COINr's get_stats: statistics of one column
// over its present values.
type ColumnStats struct {
	Code                               string
	Min, Max, Mean, Median, SD         float64
	Skew, Kurt                         float64 // COINr's skew() and kurt() (type 2)
	NAvail, NNonZero, NUnique, NSame   int     // NSame: the most frequent value's count
	FrcAvail, FrcNonZero, FrcUnique    float64 // FrcAvail over all units, the others over the present values
	FrcSame                            float64
	FlagAvail, FlagNonZero, FlagUnique string // "ok" or "LOW"
	FlagSkewKurt                       string // "ok" or "OUT"
}

// StatsThresholds are get_stats' flag thresholds; a zero field takes
// COINr's default (skew 2, kurtosis 3.5, availability 0.65, non-zero 0.5,
// unique 0.5).
type StatsThresholds struct {
	Skew, Kurt, Avail, NonZero, Unique float64
}

// Stats returns the statistics of every column of d with COINr's
// definitions (R/stats.R, get_stats): note that, as there, the non-zero
// and unique flags compare counts with the number of units while the
// fractions reported divide by the number of present values.
func Stats(d *Dataset, th StatsThresholds) []ColumnStats {
	def := func(v *float64, x float64) {
		if *v == 0 {
			*v = x
		}
	}
	def(&th.Skew, DefaultSkewThresh)
	def(&th.Kurt, DefaultKurtThresh)
	def(&th.Avail, 0.65)
	def(&th.NonZero, 0.5)
	def(&th.Unique, 0.5)
	n := float64(len(d.Units))
	flag := func(ok bool, bad string) string {
		if ok {
			return "ok"
		}
		return bad
	}
	out := make([]ColumnStats, len(d.Cols))
	for c, code := range d.Cols {
		x := d.Vals[c]
		v := Present(x)
		s := ColumnStats{Code: code, Mean: Mean(x), Median: Median(x), SD: SD(x), Skew: Skew(x), Kurt: Kurt(x), NAvail: len(v)}
		s.Min, s.Max = MinMax(x)
		counts := map[float64]int{}
		for _, y := range v {
			if y != 0 {
				s.NNonZero++
			}
			counts[y+0]++ // +0 folds −0 into 0, as R's unique does
		}
		s.NUnique = len(counts)
		for _, k := range counts {
			s.NSame = max(s.NSame, k)
		}
		na := float64(s.NAvail)
		s.FrcAvail = na / n
		s.FrcNonZero, s.FrcUnique, s.FrcSame = float64(s.NNonZero)/na, float64(s.NUnique)/na, float64(s.NSame)/na
		s.FlagAvail = flag(s.FrcAvail >= th.Avail, "LOW")
		s.FlagNonZero = flag(float64(s.NNonZero)/n >= th.NonZero, "LOW")
		s.FlagUnique = flag(float64(s.NUnique)/n >= th.Unique, "LOW")
		s.FlagSkewKurt = flag(!(math.Abs(s.Skew) > th.Skew && s.Kurt > th.Kurt), "OUT")
		out[c] = s
	}
	return out
}

// Correlation is the correlation of columns A and B over the N units
// where both are present, with the two-sided p-value of the test of no
// correlation (Student's t with N − 2 degrees of freedom, as R's
// cor.test for Pearson; the same approximation for Spearman).
type Correlation struct {
	A, B string
	R    float64
	N    int
	P    float64
}

// Correlation methods.
const (
	Pearson  = "pearson"
	Spearman = "spearman"
)

// Correlate returns the correlation of x and y over the pairs where both
// are present (R's cor with use = "pairwise.complete.obs"): Pearson's, or
// Spearman's (Pearson's on the ranks of those pairs, ties averaged). NA
// with fewer than two pairs or a constant column.
func Correlate(x, y []float64, method string) (r float64, n int) {
	var a, b []float64
	for i := range x {
		if !IsNA(x[i]) && !IsNA(y[i]) {
			a, b = append(a, x[i]), append(b, y[i])
		}
	}
	n = len(a)
	if n < 2 {
		return NA, n
	}
	if method == Spearman {
		a, b = Rank(a, TiesAverage), Rank(b, TiesAverage)
	}
	ma, mb := Mean(a), Mean(b)
	var sab, saa, sbb float64
	for i := range a {
		da, db := a[i]-ma, b[i]-mb
		sab += da * db
		saa += da * da
		sbb += db * db
	}
	if saa == 0 || sbb == 0 {
		return NA, n
	}
	return math.Max(-1, math.Min(1, sab/math.Sqrt(saa*sbb))), n
}

// corrPValue is the two-sided p-value of r from n pairs.
func corrPValue(r float64, n int) float64 {
	if IsNA(r) || n < 3 {
		return NA
	}
	if math.Abs(r) == 1 {
		return 0
	}
	df := float64(n - 2)
	t := r * math.Sqrt(df/(1-r*r))
	// P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2).
	return regIncBeta(df/2, 0.5, df/(df+t*t))
}

func correlation(d *Dataset, a, b, method string) Correlation {
	r, n := Correlate(d.Col(a), d.Col(b), method)
	return Correlation{A: a, B: b, R: r, N: n, P: corrPValue(r, n)}
}

// CorrelateWithParents returns the correlation of every node of level
// (1 = indicators) that is a column of d with each of its ancestors that
// is (family: COINr's withparent = "family"; else the parent alone).
func CorrelateWithParents(d *Dataset, t *Tree, level int, family bool, method string) []Correlation {
	var out []Correlation
	for _, n := range t.Nodes {
		if n.Level != level || d.ColIndex(n.Code) < 0 {
			continue
		}
		for p := n.Parent; p != ""; {
			if d.ColIndex(p) >= 0 {
				out = append(out, correlation(d, n.Code, p, method))
			}
			if !family {
				break
			}
			pn, _ := t.Node(p)
			p = pn.Parent
		}
	}
	return out
}

// CorrelateWithinGroups returns the correlation of every pair of nodes of
// level that are columns of d and share their ancestor at groupLevel
// (COINr's get_corr with grouplev), each pair once, A before B in the
// hierarchy's order.
func CorrelateWithinGroups(d *Dataset, t *Tree, level, groupLevel int, method string) []Correlation {
	var codes, groups []string
	for _, n := range t.Nodes {
		if n.Level == level && d.ColIndex(n.Code) >= 0 {
			codes, groups = append(codes, n.Code), append(groups, ancestorAt(t, n.Code, groupLevel))
		}
	}
	var out []Correlation
	for i := range codes {
		for j := i + 1; j < len(codes); j++ {
			if groups[i] != "" && groups[i] == groups[j] {
				out = append(out, correlation(d, codes[i], codes[j], method))
			}
		}
	}
	return out
}

// ancestorAt returns the code of node code's ancestor at level (itself
// when it is at that level), or "".
func ancestorAt(t *Tree, code string, level int) string {
	for code != "" {
		n, ok := t.Node(code)
		if !ok {
			return ""
		}
		if n.Level == level {
			return code
		}
		code = n.Parent
	}
	return ""
}

// descendantsAt returns the codes of node's descendants at level, in the
// hierarchy's order.
func descendantsAt(t *Tree, node string, level int) []string {
	var out []string
	for _, n := range t.Nodes {
		if n.Level == level && n.Code != node && ancestorAt(t, n.Code, t.Nodes[t.Index(node)].Level) == node {
			out = append(out, n.Code)
		}
	}
	return out
}

// CronbachAlpha is COINr's get_cronbach: with C the covariance matrix of
// the k columns (each entry over the units where both are present, as R's
// cov with use = "pairwise.complete.obs"), α = k²·c̄ / ΣC, c̄ the mean
// off-diagonal covariance. NA with fewer than two columns.
func CronbachAlpha(cols [][]float64) float64 {
	k := len(cols)
	if k < 2 {
		return NA
	}
	var all, diag rsum
	for i := range cols {
		for j := range cols {
			c := pairCov(cols[i], cols[j])
			if IsNA(c) {
				continue // R sums with na.rm = TRUE
			}
			all.add(c)
			if i == j {
				diag.add(c)
			}
		}
	}
	fk := float64(k)
	avg := (all.value() - diag.value()) / (fk * (fk - 1))
	return fk * fk * avg / all.value()
}

// pairCov is the sample covariance of x and y over the pairs where both
// are present.
func pairCov(x, y []float64) float64 {
	var a, b []float64
	for i := range x {
		if !IsNA(x[i]) && !IsNA(y[i]) {
			a, b = append(a, x[i]), append(b, y[i])
		}
	}
	if len(a) < 2 {
		return NA
	}
	ma, mb := Mean(a), Mean(b)
	var s float64
	for i := range a {
		s += (a[i] - ma) * (b[i] - mb)
	}
	return s / float64(len(a)-1)
}

// Reliability is Cronbach's alpha of one aggregate's members.
type Reliability struct {
	Node    string
	Level   int
	Members []string
	Alpha   float64
}

// CronbachByAggregate returns, for every aggregate of t, Cronbach's alpha
// of its descendants at level (its children when level is 0) that are
// columns of d.
func CronbachByAggregate(d *Dataset, t *Tree, level int) []Reliability {
	var out []Reliability
	for _, lv := range t.Levels {
		for _, i := range lv {
			n := t.Nodes[i]
			at := level
			if at == 0 {
				at = n.Level - 1
			}
			r := Reliability{Node: n.Code, Level: n.Level}
			var cols [][]float64
			for _, c := range descendantsAt(t, n.Code, at) {
				if x := d.Col(c); x != nil {
					r.Members, cols = append(r.Members, c), append(cols, x)
				}
			}
			if len(cols) == 0 {
				continue
			}
			r.Alpha = CronbachAlpha(cols)
			out = append(out, r)
		}
	}
	return out
}

// UnitAvailability is one row of COINr's get_data_avail: a unit's missing
// and zero values over the columns of a data set, and the share of the
// indicators present under every aggregate (ByAggregate, in the order of
// Availability's aggregate list).
type UnitAvailability struct {
	Unit                         string
	NMissing, NZero, NMissOrZero int
	DatAvail, NonZero            float64
	ByAggregate                  []float64
}

// Availability returns every unit's data availability in d (COINr's
// get_data_avail Summary and ByGroup), and the aggregates of ByAggregate:
// every aggregate of t, level by level, with the share of its indicators
// (level-1 descendants that are columns of d) the unit has.
func Availability(d *Dataset, t *Tree) (units []UnitAvailability, aggregates []string) {
	type agg struct{ cols []int }
	var aggs []agg
	for _, lv := range t.Levels {
		for _, i := range lv {
			var a agg
			for _, c := range descendantsAt(t, t.Nodes[i].Code, 1) {
				if k := d.ColIndex(c); k >= 0 {
					a.cols = append(a.cols, k)
				}
			}
			aggregates = append(aggregates, t.Nodes[i].Code)
			aggs = append(aggs, a)
		}
	}
	m := float64(len(d.Cols))
	for u, code := range d.Units {
		r := UnitAvailability{Unit: code}
		for c := range d.Cols {
			switch v := d.Vals[c][u]; {
			case IsNA(v):
				r.NMissing++
			case v == 0:
				r.NZero++
			}
		}
		r.NMissOrZero = r.NMissing + r.NZero
		r.DatAvail = 1 - float64(r.NMissing)/m
		r.NonZero = 1 - float64(r.NZero)/(m-float64(r.NMissing))
		for _, a := range aggs {
			present := 0
			for _, c := range a.cols {
				if !IsNA(d.Vals[c][u]) {
					present++
				}
			}
			r.ByAggregate = append(r.ByAggregate, float64(present)/float64(len(a.cols)))
		}
		units = append(units, r)
	}
	return units, aggregates
}

// GroupAvailability is the mean availability of the units of one group.
type GroupAvailability struct {
	Group    string
	Units    int
	DatAvail float64 // mean of the units' DatAvail
	Complete int     // units with every value present
}

// AvailabilityByGroup summarises units (from Availability) by their labels
// (one per unit; "" is left out), groups in order of first appearance.
func AvailabilityByGroup(units []UnitAvailability, labels []string) []GroupAvailability {
	var out []GroupAvailability
	for _, members := range groupMembers(labels) {
		g := GroupAvailability{Group: labels[members[0]], Units: len(members)}
		var s float64
		for _, u := range members {
			s += units[u].DatAvail
			if units[u].NMissing == 0 {
				g.Complete++
			}
		}
		g.DatAvail = s / float64(len(members))
		out = append(out, g)
	}
	return out
}
