package zonestats

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone/landuse"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
	"github.com/qiangxian/qiangxian/internal/zone/target"
)

// Data is what the store holds of the zones' enterprises, land and
// targets, seen from one enterprise year.
type Data struct {
	Year        int   // the enterprise year; 0 when there is none
	Years       []int // the years with enterprises, latest first
	Enterprises []store.ZoneEnterprise
	Grading     store.ZoneGrading // Grading.Grades is empty when the year was not graded
	Scheme      *mujun.Scheme     // the grading's scheme; nil when not graded
	Rollups     map[string]*mujun.ZoneRollup
	Land        map[string][]landuse.Land // by zone, years ascending
	Targets     []target.Target
	Actuals     target.Actuals // with the clusters' sums (Tiers.AddClusters)
	Tiers       *target.Config // nil without a tiers file
}

// Load reads year (0: the latest with enterprises) from db. ErrNotFound
// when year is given and has no enterprises.
func Load(ctx context.Context, db *store.DB, year int) (*Data, error) {
	d := &Data{Rollups: map[string]*mujun.ZoneRollup{}, Land: map[string][]landuse.Land{}}
	var err error
	if d.Years, err = db.ZoneEnterpriseYears(ctx); err != nil {
		return nil, err
	}
	switch {
	case year != 0 && !slices.Contains(d.Years, year):
		return nil, fmt.Errorf("%w: no enterprises in %d", store.ErrNotFound, year)
	case year == 0 && len(d.Years) > 0:
		year = d.Years[0]
	}
	d.Year = year
	if year != 0 {
		if d.Enterprises, err = db.ZoneEnterprises(ctx, year, ""); err != nil {
			return nil, err
		}
		d.Grading, err = db.ZoneEnterpriseGrades(ctx, year, "")
		switch {
		case errors.Is(err, store.ErrNotFound):
			d.Grading = store.ZoneGrading{Year: year}
		case err != nil:
			return nil, err
		default:
			if d.Scheme, err = mujun.ParseScheme("scheme.toml", []byte(d.Grading.Scheme)); err != nil {
				return nil, fmt.Errorf("zonestats: the stored scheme of %d: %w", year, err)
			}
		}
		ms := make([]mujun.Enterprise, len(d.Enterprises))
		for i := range d.Enterprises {
			ms[i] = d.Enterprises[i].Mujun()
		}
		rs := mujun.Rollup(ms, Results(d.Enterprises, d.Grading))
		for i := range rs {
			d.Rollups[rs[i].Zone] = &rs[i]
		}
	}
	ls, err := db.ZoneLand(ctx, "")
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		d.Land[l.Zone] = append(d.Land[l.Zone], l)
	}
	if d.Targets, err = db.ZoneTargets(ctx); err != nil {
		return nil, err
	}
	if d.Actuals, err = db.ZoneActuals(ctx); err != nil {
		return nil, err
	}
	body, err := db.ZoneTiers(ctx)
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return nil, err
	default:
		if d.Tiers, err = target.ParseConfig("tiers.toml", []byte(body)); err != nil {
			return nil, fmt.Errorf("zonestats: the stored tiers file: %w", err)
		}
		d.Tiers.AddClusters(d.Actuals)
	}
	return d, nil
}

// LandOf returns the zone's land figures of the latest year up to year
// (0: any), with their rates; false when it has none.
func (d *Data) LandOf(zone string, year int) (landuse.Land, landuse.Rates, bool) {
	ls := d.Land[zone]
	for i := len(ls) - 1; i >= 0; i-- {
		if y, _ := strconv.Atoi(ls[i].Year); year == 0 || y <= year {
			return ls[i], landuse.Compute(&ls[i]), true
		}
	}
	return landuse.Land{}, landuse.Rates{}, false
}

// Progress returns the progress of every target of unit, each seen from
// the latest year the unit reports its measure (no later than the target
// year is not required: a passed target year shows whether it was met).
func (d *Data) Progress(unit string) []target.Progress {
	var out []target.Progress
	for _, t := range d.Targets {
		if t.Unit != unit {
			continue
		}
		at := 0
		for y := range d.Actuals[unit][t.Measure] {
			at = max(at, y)
		}
		if at == 0 {
			continue
		}
		out = append(out, target.Compute(t, d.Actuals, at))
	}
	return out
}

// TierYear is the latest year of the tiers' measure in the actuals; 0
// without tiers or figures.
func (d *Data) TierYear() int {
	if d.Tiers == nil {
		return 0
	}
	y := 0
	for _, ms := range d.Actuals {
		for k := range ms[d.Tiers.Measure] {
			y = max(y, k)
		}
	}
	return y
}

// Indicators returns, per zone, the roll-ups as indicator values for a
// zone method: the 亩均 roll-ups of the year's grading (mujun.Indicators:
// mujun_graded, mujun_count_<class>, mujun_share_<class>,
// mujun_tax_per_mu, mujun_va_per_mu), the land rates of the latest land
// year up to the enterprise year (land_<column>, landuse.Columns), and for
// the first target of each zone target_ratio (current / target),
// target_growth, target_needed and target_on_track (1 or 0; NaN when it
// cannot be decided). Undefined values are NaN.
func (d *Data) Indicators() map[string]map[string]float64 {
	out := map[string]map[string]float64{}
	get := func(z string) map[string]float64 {
		if out[z] == nil {
			out[z] = map[string]float64{}
		}
		return out[z]
	}
	if d.Scheme != nil {
		rs := make([]mujun.ZoneRollup, 0, len(d.Rollups))
		for _, r := range d.Rollups {
			rs = append(rs, *r)
		}
		for z, vs := range mujun.Indicators(rs, d.Scheme) {
			for k, v := range vs {
				get(z)[k] = v
			}
		}
	}
	for z := range d.Land {
		if _, r, ok := d.LandOf(z, d.Year); ok {
			for i, v := range r.Values() {
				get(z)["land_"+landuse.Columns[i]] = v
			}
		}
	}
	done := map[string]bool{}
	for _, t := range d.Targets {
		if done[t.Unit] {
			continue
		}
		done[t.Unit] = true
		ps := d.Progress(t.Unit)
		if len(ps) == 0 {
			continue
		}
		m, p := get(t.Unit), ps[0]
		m["target_ratio"], m["target_growth"], m["target_needed"] = p.Ratio, p.Growth, p.Needed
		m["target_on_track"] = math.NaN()
		if p.Known {
			m["target_on_track"] = 0
			if p.OnTrack {
				m["target_on_track"] = 1
			}
		}
	}
	return out
}
