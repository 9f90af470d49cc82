package target

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Config holds the tiers and the clusters (the --tiers file).
type Config struct {
	Measure  string    `toml:"measure"` // the measure tiers are counted on, e.g. 工业总产值
	Tiers    []Tier    `toml:"tier"`
	Clusters []Cluster `toml:"cluster"`
}

// Tier is a band of a measure: Min ≤ value < Max (no Max: unbounded),
// with the province's target count of zones (and of clusters) in it.
type Tier struct {
	Name          string   `toml:"name"`
	Min           float64  `toml:"min"`
	Max           *float64 `toml:"max"`
	Target        *int     `toml:"target"`         // zones the province wants in this tier
	ClusterTarget *int     `toml:"cluster_target"` // clusters it wants in this tier
}

// Contains reports whether v is in the tier.
func (t *Tier) Contains(v float64) bool {
	return v >= t.Min && (t.Max == nil || v < *t.Max)
}

// Cluster is an industrial cluster: a unit whose value is the sum of its
// members' (zones', or enterprises' when the actuals hold enterprises).
type Cluster struct {
	Name    string   `toml:"name"`
	Members []string `toml:"members"`
}

// ParseConfig decodes and checks a tiers file; problems are located
// table Errors.
func ParseConfig(file string, src []byte) (*Config, error) {
	var c Config
	d := toml.NewDecoder(bytes.NewReader(src))
	d.DisallowUnknownFields()
	if err := d.Decode(&c); err != nil {
		var se *toml.StrictMissingError
		var de *toml.DecodeError
		switch {
		case errors.As(err, &se):
			var es table.Errors
			for _, e := range se.Errors {
				l, col := e.Position()
				es = append(es, &table.Error{File: file, Line: l, Col: col, Msg: locale.M("target.unknown", strings.Join(e.Key(), "."))})
			}
			return nil, es
		case errors.As(err, &de):
			l, col := de.Position()
			return nil, table.Errors{{File: file, Line: l, Col: col, Msg: locale.M("target.toml", de.Error())}}
		}
		return nil, table.Errors{{File: file, Msg: locale.M("target.toml", err.Error())}}
	}
	var es table.Errors
	bad := func(key string, args ...any) { es = append(es, &table.Error{File: file, Msg: locale.M(key, args...)}) }
	names := map[string]bool{}
	for _, t := range c.Tiers {
		if t.Name == "" || names[t.Name] {
			bad("target.tiername", t.Name)
		}
		names[t.Name] = true
		if t.Max != nil && !(*t.Max > t.Min) || math.IsNaN(t.Min) {
			bad("target.band", t.Name)
		}
		for _, n := range []*int{t.Target, t.ClusterTarget} {
			if n != nil && *n < 0 {
				bad("target.count", t.Name)
			}
		}
	}
	units := map[string]bool{}
	for _, cl := range c.Clusters {
		if cl.Name == "" || units[cl.Name] || len(cl.Members) == 0 {
			bad("target.cluster", cl.Name)
		}
		units[cl.Name] = true
	}
	if len(es) > 0 {
		return nil, es
	}
	return &c, nil
}

// AddClusters sets every cluster's value of every measure and year that
// all its members report to the sum of theirs.
func (c *Config) AddClusters(a Actuals) {
	for _, cl := range c.Clusters {
		sums := map[string]map[int]float64{}
		counts := map[string]map[int]int{}
		for _, m := range cl.Members {
			for measure, years := range a[m] {
				if sums[measure] == nil {
					sums[measure], counts[measure] = map[int]float64{}, map[int]int{}
				}
				for y, v := range years {
					sums[measure][y] += v
					counts[measure][y]++
				}
			}
		}
		for measure, years := range sums {
			for y, v := range years {
				if counts[measure][y] == len(cl.Members) {
					a.Set(cl.Name, measure, y, v)
				}
			}
		}
	}
}

// TierCount is one tier's count in a year: the zones (or clusters) whose
// value of the measure lies in the tier, against the target count.
type TierCount struct {
	Kind   string // "zone" or "cluster"
	Tier   Tier
	Units  []string // sorted
	Target *int
}

// Count counts, for year, the units of a in each tier on c.Measure:
// clusters apart from zones (every unit of a that is not a cluster is a
// zone). Zone rows come first, then cluster rows when there are clusters.
func (c *Config) Count(a Actuals, year int) []TierCount {
	isCluster := map[string]bool{}
	for _, cl := range c.Clusters {
		isCluster[cl.Name] = true
	}
	var out []TierCount
	for _, kind := range []string{"zone", "cluster"} {
		if kind == "cluster" && len(c.Clusters) == 0 {
			break
		}
		for _, t := range c.Tiers {
			tc := TierCount{Kind: kind, Tier: t, Target: t.Target, Units: []string{}}
			if kind == "cluster" {
				tc.Target = t.ClusterTarget
			}
			for u := range a {
				if isCluster[u] != (kind == "cluster") {
					continue
				}
				if v := a.Get(u, c.Measure, year); t.Contains(v) {
					tc.Units = append(tc.Units, u)
				}
			}
			slices.Sort(tc.Units)
			out = append(out, tc)
		}
	}
	return out
}

func init() {
	locale.Register(map[string][2]string{
		"target.toml":     {"分档文件格式错误：%s", "tiers file syntax error: %s"},
		"target.unknown":  {"未知的键 %s", "unknown key %s"},
		"target.tiername": {"分档名称 %q 为空或重复", "tier name %q is empty or repeated"},
		"target.band":     {"分档 %s 的 max 应大于 min", "tier %s: max must exceed min"},
		"target.count":    {"分档 %s 的目标数不能为负", "tier %s: a target count cannot be negative"},
		"target.cluster":  {"产业集群 %q 名称为空、重复或没有成员", "cluster %q has no name, a repeated name or no members"},
	})
}
