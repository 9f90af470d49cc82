package mujun

import "math"

// ZoneRollup sums one zone's enterprises and their grading.
type ZoneRollup struct {
	Zone        string
	Enterprises int            // in the table
	Graded      int            // eligible
	Counts      map[string]int // class → graded enterprises in it
	Tax, Land   float64        // Σ over enterprises reporting both tax and land
	ValueAdded  float64        // Σ over enterprises reporting both value added and land
	VALand      float64        // the land of those
}

// Share returns the share of the zone's graded enterprises in class c;
// NaN when none is graded.
func (z *ZoneRollup) Share(c string) float64 {
	if z.Graded == 0 {
		return math.NaN()
	}
	return float64(z.Counts[c]) / float64(z.Graded)
}

// TaxPerMu is the zone's 亩均税收: Σ tax / Σ land over all its
// enterprises (graded or not) that report both; NaN without land.
func (z *ZoneRollup) TaxPerMu() float64 { return ratio(z.Tax, z.Land) }

// VAPerMu is the zone's 亩均增加值, as TaxPerMu.
func (z *ZoneRollup) VAPerMu() float64 { return ratio(z.ValueAdded, z.VALand) }

func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// Rollup sums ents and their results (from Grade, same order) per zone,
// zones in the order they first appear.
func Rollup(ents []Enterprise, res []Result) []ZoneRollup {
	var out []ZoneRollup
	at := map[string]int{}
	for i := range ents {
		e := &ents[i]
		k, ok := at[e.Zone]
		if !ok {
			k = len(out)
			at[e.Zone] = k
			out = append(out, ZoneRollup{Zone: e.Zone, Counts: map[string]int{}})
		}
		z := &out[k]
		z.Enterprises++
		if res[i].Eligible {
			z.Graded++
			z.Counts[res[i].Class]++
		}
		l := e.Land()
		if !math.IsNaN(l) && !math.IsNaN(e.Tax) {
			z.Tax += e.Tax
			z.Land += l
		}
		if !math.IsNaN(l) && !math.IsNaN(e.ValueAdded) {
			z.ValueAdded += e.ValueAdded
			z.VALand += l
		}
	}
	return out
}

// Indicators returns the roll-ups as indicator values for a zone method:
// zone → indicator → value, the indicators being mujun_graded (count),
// mujun_count_<class> and mujun_share_<class> (a fraction of the graded)
// for every class of s,
// mujun_tax_per_mu and mujun_va_per_mu. Undefined values are NaN.
func Indicators(zs []ZoneRollup, s *Scheme) map[string]map[string]float64 {
	m := make(map[string]map[string]float64, len(zs))
	for i := range zs {
		z := &zs[i]
		v := map[string]float64{
			"mujun_graded":     float64(z.Graded),
			"mujun_tax_per_mu": z.TaxPerMu(),
			"mujun_va_per_mu":  z.VAPerMu(),
		}
		for _, c := range s.Classes {
			v["mujun_count_"+c.Name] = float64(z.Counts[c.Name])
			v["mujun_share_"+c.Name] = z.Share(c.Name)
		}
		m[z.Zone] = v
	}
	return m
}
