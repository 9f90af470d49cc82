package engine

import (
	"fmt"
	"slices"
)

// Impute replaces the missing values of every column of d by the column's
// mean or median (s.Method "mean", the default, or "median"), as COINr's
// i_mean and i_median. With groups (one label per unit of d) the statistic
// is taken within the unit's group, as i_mean_grp and i_median_grp: a unit
// whose label is "" is left alone, and a group with no value in a column
// keeps its NAs there (COINr's mean of nothing is NaN). A column with no
// value at all stays NA. d is not modified.
func Impute(d *Dataset, s ImputeSpec, groups []string) (*Dataset, error) {
	stat := imputeMean
	switch s.Method {
	case "", "mean":
	case "median":
		stat = imputeMedian
	default:
		return nil, &Error{Kind: ErrUnknownMethod, Detail: "impute " + s.Method}
	}
	var members [][]int // unit indices of each group; one group of all when ungrouped
	if groups == nil {
		all := make([]int, len(d.Units))
		for u := range all {
			all[u] = u
		}
		members = [][]int{all}
	} else {
		if len(groups) != len(d.Units) {
			return nil, &Error{Kind: ErrBadParameter, Detail: fmt.Sprintf("group %q has %d labels for %d units", s.Group, len(groups), len(d.Units))}
		}
		members = groupMembers(groups)
	}
	out := d.Clone()
	buf := make([]float64, 0, len(d.Units))
	for _, x := range out.Vals {
		if !slices.ContainsFunc(x, IsNA) {
			continue
		}
		for _, m := range members {
			buf = buf[:0]
			missing := false
			for _, u := range m {
				if IsNA(x[u]) {
					missing = true
				} else {
					buf = append(buf, x[u])
				}
			}
			if !missing || len(buf) == 0 {
				continue
			}
			v := stat(buf)
			for _, u := range m {
				if IsNA(x[u]) {
					x[u] = v
				}
			}
		}
	}
	return out, nil
}

// groupMembers splits unit indices by label, in order of first appearance;
// units labelled "" belong to no group.
func groupMembers(groups []string) [][]int {
	at := map[string]int{}
	var members [][]int
	for u, g := range groups {
		if g == "" {
			continue
		}
		k, ok := at[g]
		if !ok {
			k = len(members)
			at[g] = k
			members = append(members, nil)
		}
		members[k] = append(members[k], u)
	}
	return members
}

// imputeMean is R's mean(): the plain mean refined by the mean of the
// residuals, which R adds to get closer to the exact mean.
func imputeMean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	n := float64(len(v))
	s /= n
	t := 0.0
	for _, x := range v {
		t += x - s
	}
	return s + t/n
}

// imputeMedian is R's median(): the middle value, or the mean of the two
// middle values. v is reordered.
func imputeMedian(v []float64) float64 {
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}
