package seed

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

// The demo's special zones, each showing a rule.
const (
	zoneChemA   = "SJ03"      // 化工园区 of risk class A: strong, yet capped below 优秀
	zoneRenamed = "SJ10"      // renamed in 2022 from zoneRenamedOld
	zoneOldCode = "SJ10-2021" // its code until 2021
	zoneMerged  = "SJ20"      // formed in 2023 by merging SJ20-A and SJ20-B
	zoneExit    = "SJ30"      // last of its group in 2024 and 2025: 退出预警
	zoneNew     = "SJ39"      // set up in 2024: exempt from 退出/降级预警
)

// codesIn returns the codes a demo zone had in year (none before it
// existed).
func codesIn(z demoZone, year int) []string {
	switch {
	case z.Code == zoneRenamed && year < 2022:
		return []string{zoneOldCode}
	case z.Code == zoneMerged && year < 2023:
		return []string{zoneMerged + "-A", zoneMerged + "-B"}
	case z.from != 0 && year < z.from:
		return nil
	}
	return []string{z.Code}
}

// strengthIn is how well a zone (or one of its former parts) does in year.
func strengthIn(z demoZone, code string, year int, rng *rand.Rand) float64 {
	s := z.strength * (1 + 0.06*rng.NormFloat64())
	switch {
	case z.Code == ZoneStar:
		return 2.2
	case z.Code == zoneExit && year >= 2024:
		return 0.2
	case code == zoneMerged+"-B":
		return s * 0.8
	}
	return s
}

// zoneData generates one assessed year's figures (示例数据) for the method's
// reported columns: levels grow with strength, rates are bounded.
func zoneData(m *method.Method, zs []demoZone, year int, rng *rand.Rand) (*method.Data, []string) {
	d := &method.Data{Values: map[string][]float64{}, Sample: true}
	var host []string
	var strength []float64
	var zones []demoZone
	for _, z := range zs {
		for _, c := range codesIn(z, year) {
			d.Units = append(d.Units, method.Unit{Code: c, Name: z.Name, Types: []string{zoneRegion[prefectureOf(z.Host)]}})
			host = append(host, z.Host)
			strength = append(strength, strengthIn(z, c, year, rng))
			zones = append(zones, z)
		}
	}
	level := map[string]float64{"funds_out": 20, "big_projects": 8, "trade": 10, "output": 150, "tax": 8,
		"invest_int": 3000, "hightech": 40, "rd": 1.5, "jobs": 3}
	rate := map[string]float64{"land_supply": 70, "land_dev": 65, "unsupplied_disp": 60, "idle_disp": 75,
		"waste_reuse": 60, "services": 80}
	grow := 1 + 0.06*float64(year-2020)
	for _, ind := range m.Indicators {
		if ind.Source != method.SourceReported {
			continue
		}
		col := make([]float64, len(d.Units))
		for i, s := range strength {
			noise := 0.9 + 0.2*rng.Float64()
			switch {
			case ind.Code == "area_built":
				col[i] = zones[i].AreaBuilt
			case ind.Code == "risk_a":
				if zones[i].Kind == zone.KindChemical && zones[i].RiskClass == "A" {
					col[i] = 1
				}
			case ind.Code == "energy":
				col[i] = 0.8 / s * noise
			case level[ind.Code] > 0:
				col[i] = math.Round(level[ind.Code]*s*grow*noise*100) / 100
			default:
				col[i] = math.Round(min(100, max(5, rate[ind.Code]+25*(s-1)*noise))*100) / 100
			}
		}
		d.Values[ind.Code] = col
	}
	return d, host
}

// prefectureOf returns the prefecture of a host code (a county's first
// four digits + 00).
func prefectureOf(host string) string {
	if len(host) == 6 {
		return host[:4] + "00"
	}
	return host
}

// zoneYear is an assessed year's results, for its zone run.
type zoneYear struct {
	year   int
	grades []store.ZoneGrade
	values []store.ZoneValue
}

// zoneHistory builds the demo's grade history: the imported years graded
// by rank (the star 优秀 from 2014), and the six assessed years computed by
// the method m (zonereport.AssessYear), with every indicator's value and
// score, each to be published as a zone run.
func zoneHistory(m *method.Method, zs []demoZone) ([]store.ZoneGrade, []zoneYear, error) {
	rng := rand.New(rand.NewPCG(18, 7))
	var imported []store.ZoneGrade
	for _, y := range zoneImported {
		type row struct {
			code, group string
			score       float64
		}
		var rows []row
		for _, z := range zs {
			for _, c := range codesIn(z, y) {
				s := 60 + 15*strengthIn(z, c, y, rng)
				if z.Code == ZoneStar && y == 2013 {
					s = 80 // 2013: 良好, so that the streak is 11 from 2014
				}
				rows = append(rows, row{c, zoneRegion[prefectureOf(z.Host)], math.Round(s*100) / 100})
			}
		}
		for _, r := range rows {
			rank := 1
			for _, o := range rows {
				if o.group == r.group && o.score > r.score {
					rank++
				}
			}
			grade := "合格"
			switch {
			case rank <= 2 && r.score >= 85:
				grade = "优秀"
			case rank <= 8:
				grade = "良好"
			}
			imported = append(imported, store.ZoneGrade{Zone: r.code, Year: y, Group: r.group, GroupRank: float64(rank),
				Score: r.score, Grade: grade, Source: "imported"})
		}
	}
	slices.SortFunc(imported, func(a, b store.ZoneGrade) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Zone, b.Zone))
	})
	var years []zoneYear
	for _, y := range zoneAssessed {
		d, _ := zoneData(m, zs, y, rng)
		gs, vs, err := zonereport.AssessYear(m, d, y)
		if err != nil {
			return nil, nil, fmt.Errorf("seed: %w", err)
		}
		years = append(years, zoneYear{year: y, grades: gs, values: vs})
	}
	return imported, years, nil
}

// loadZones loads the demo zones: the registry, the demo zone method
// (recorded as the method of every assessed year), the grade history with
// a rename and a merger, and a national list position.
func loadZones(ctx context.Context, db *store.DB, actor store.Actor) error {
	m, err := method.Parse("gansu/zones.toml", zonesTOML)
	if err != nil {
		return fmt.Errorf("seed: the embedded zone method: %w", err)
	}
	zs := demoZones()
	reg := make([]zone.Zone, len(zs))
	for i := range zs {
		switch zs[i].Code {
		case zoneChemA:
			zs[i].Kind, zs[i].RiskClass, zs[i].strength = zone.KindChemical, "A", 1.8
			zs[i].Name = "定西示例化工园区3（示例）"
		case zoneNew:
			zs[i].from, zs[i].ApprovalYear, zs[i].strength = 2024, 2024, 0.25
		}
		reg[i] = zs[i].Zone
	}
	if err := db.PutZones(ctx, actor, reg); err != nil {
		return err
	}
	sm, err := db.AddMethod(ctx, actor, ZonesMethodName, "1", string(zonesTOML))
	if err != nil {
		return err
	}
	imported, years, err := zoneHistory(m, zs)
	if err != nil {
		return err
	}
	if err := db.PutZoneGrades(ctx, actor, imported); err != nil {
		return err
	}
	// Each assessed year is a zone run published through the office's
	// chain (公示 in June of the next year, approval, publication) with its
	// notice registered under an example 文号.
	for _, y := range years {
		r, err := db.CreateZoneRun(ctx, actor, store.NewZoneRun{MethodID: sm.ID, Year: y.year, Grades: y.grades,
			Values: y.values, Source: fmt.Sprintf("zones-%d.xlsx", y.year), Note: "示例数据：开发区考核评价（示例）"})
		if err != nil {
			return err
		}
		if _, err := publishAs(ctx, db, actor, r.ID, auth.VisFull, fmt.Sprintf("甘开发区领纪〔%d〕1号（示例）", y.year+1)); err != nil {
			return fmt.Errorf("seed: zone run %d: %w", y.year, err)
		}
		if err := db.RegisterNotice(ctx, actor, r.ID, fmt.Sprintf("甘开发区办发〔%d〕3号（示例）", y.year+1),
			time.Date(y.year+1, 6, 20, 0, 0, 0, 0, time.UTC)); err != nil {
			return err
		}
	}
	for _, c := range []store.ZoneChange{
		{Kind: zone.ChangeRename, From: zoneOldCode, To: zoneRenamed, Year: 2022, Document: "（示例）更名批复"},
		{Kind: zone.ChangeMerge, From: zoneMerged + "-A", To: zoneMerged, Year: 2023, Document: "（示例）整合批复"},
		{Kind: zone.ChangeMerge, From: zoneMerged + "-B", To: zoneMerged, Year: 2023, Document: "（示例）整合批复"},
	} {
		if _, err := db.RecordZoneChange(ctx, actor, c); err != nil {
			return err
		}
	}
	return db.PutZonePositions(ctx, actor, []store.ZonePosition{
		{Zone: "GJ01", Year: 2024, List: "国家级经开区综合发展水平考核评价（示例）", Position: 120, Source: "示例数据，非官方排名"}})
}
