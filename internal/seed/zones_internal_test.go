package seed

import (
	"bytes"
	"context"
	"os"
	"slices"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/zone"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

// TestEmbeddedZonesMethod keeps the embedded zone method identical to the
// example (copy it over after editing the example).
func TestEmbeddedZonesMethod(t *testing.T) {
	want, err := os.ReadFile("../../examples/gansu/zones/method.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ZonesMethodTOML(), want) {
		t.Error("gansu/zones.toml differs from examples/gansu/zones/method.toml: copy the example over")
	}
}

// TestDemoZones loads the demo zones and checks what the demo promises: 47
// zones assessed in 2025, a zone 优秀 11 held years running (2014–2016,
// 2018–2025: 2017 held no assessment), every management action at least
// once, the class-A 化工园区 not 优秀, the new zone exempt, and the renamed
// and merged zones carrying their history.
func TestDemoZones(t *testing.T) {
	ctx := context.Background()
	db := storetest.MustOpen(t)
	if err := putUnits(ctx, db, store.System); err != nil {
		t.Fatal(err)
	}
	if err := loadZones(ctx, db, store.System); err != nil {
		t.Fatal(err)
	}
	v, err := zonereport.Load(ctx, db, 0)
	if err != nil {
		t.Fatal(err)
	}
	if v.Year != 2025 || len(v.Rows) != 47 || len(v.Years) != 12 {
		t.Fatalf("year %d, %d rows, %d held years; want 2025, 47, 12", v.Year, len(v.Rows), len(v.Years))
	}
	// The year was published as a zone run through the office's chain:
	// approved by the demo signer, its notice registered.
	if v.Run == nil || v.Run.State != auth.StatePublished || v.Run.Domain != store.DomainZone || v.Run.Period != "2025" {
		t.Fatalf("2025's run: %+v, want a published zone run", v.Run)
	}
	if a, ok, err := db.RunApproval(ctx, v.Run.ID); err != nil || !ok || a.Username != Signer || a.MinuteNo != "甘开发区领纪〔2026〕1号（示例）" {
		t.Errorf("approval: %+v %v %v", a, ok, err)
	}
	if reg, ok, err := db.NoticeRegistration(ctx, v.Run.ID); err != nil || !ok || reg.DocNumber != "甘开发区办发〔2026〕3号（示例）" {
		t.Errorf("registration: %+v %v %v", reg, ok, err)
	}
	if rs, err := db.Runs(ctx, store.RunFilter{Domain: store.DomainZone, State: auth.StatePublished}); err != nil || len(rs) != 6 {
		t.Errorf("published zone runs: %d (%v), want 6 (2020–2025)", len(rs), err)
	}
	star, _ := v.Row(ZoneStar)
	if star.Grade != "优秀" || star.Streak != 11 || star.StreakFrom != "2014" {
		t.Errorf("star: %s streak %d from %s; want 优秀 11 from 2014", star.Grade, star.Streak, star.StreakFrom)
	}
	seen := map[string]bool{}
	for _, r := range v.Rows {
		for _, w := range r.Warnings {
			seen[w.Action] = true
		}
	}
	for _, a := range []string{"退出预警", "降级预警", "不得扩区", "约谈", "升级推荐"} {
		if !seen[a] {
			t.Errorf("no zone gets %s", a)
		}
	}
	if r, _ := v.Row(zoneExit); !slices.ContainsFunc(r.Warnings, func(w zonereportWarning) bool { return w.Action == "退出预警" }) {
		t.Errorf("%s: warnings %v, want 退出预警", zoneExit, r.Warnings)
	}
	if r, _ := v.Row(zoneChemA); r.Grade == "优秀" || r.GroupRank > 3 {
		t.Errorf("class-A 化工园区: %s, rank %v; want a top-3 park not rated 优秀", r.Grade, r.GroupRank)
	}
	if r, _ := v.Row(zoneNew); len(r.Exempt) == 0 {
		t.Errorf("new zone: no exemption (warnings %v)", r.Warnings)
	}
	for _, code := range []string{zoneRenamed, zoneMerged} {
		h := v.ZoneHistory(code)
		if len(h) != 12 || h[len(h)-1].Absent {
			t.Errorf("%s: history %+v, want 12 held years back to 2013", code, h)
		}
	}
}

type zonereportWarning = zone.Warning
