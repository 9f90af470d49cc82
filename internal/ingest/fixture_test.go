package ingest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
)

var (
	ctx     = context.Background()
	alice   = store.Actor{Username: "alice"}
	analyst = auth.User{Name: "alice", Role: auth.RoleAnalyst}
	tongji  = auth.User{Name: "tj", Role: auth.RoleDepartment, Department: "统计局"}
	caizh   = auth.User{Name: "cz", Role: auth.RoleDepartment, Department: "财政厅"}
	county  = auth.User{Name: "yz", Role: auth.RoleCounty, Unit: "620123"}
)

// seed loads two prefectures with three counties, and three indicators of
// two departments.
func seed(t testing.TB, db *store.DB) {
	t.Helper()
	units := []store.Unit{
		{Code: "620000", Name: "甘肃省", Kind: store.UnitProvince},
		{Code: "620100", Name: "兰州市", Kind: store.UnitPrefecture, Parent: "620000"},
		{Code: "620800", Name: "平凉市", Kind: store.UnitPrefecture, Parent: "620000"},
		{Code: "620121", Name: "永登县", Kind: store.UnitCounty, Parent: "620100"},
		{Code: "620123", Name: "榆中县", Kind: store.UnitCounty, Parent: "620100"},
		{Code: "620821", Name: "泾川县", Kind: store.UnitCounty, Parent: "620800"},
	}
	if err := db.PutUnits(ctx, alice, units); err != nil {
		t.Fatal(err)
	}
	inds := []store.Indicator{
		{Code: "gdp", NameZH: "地区生产总值", Unit: "亿元", Direction: 1, Department: "统计局", Definition: "现价"},
		{Code: "pop", NameZH: "年末常住人口", Unit: "万人", Direction: 1, Department: "统计局"},
		{Code: "rev", NameZH: "一般公共预算收入", Unit: "亿元", Direction: 1, Department: "财政厅"},
	}
	if err := db.PutIndicators(ctx, alice, inds); err != nil {
		t.Fatal(err)
	}
}

// csv parses a CSV table named file.
func csv(t *testing.T, file, text string) *table.Table {
	t.Helper()
	tb, err := table.Read(file, strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// messages renders err's located errors one per line in lang; a
// non-located error fails the test.
func messages(t *testing.T, err error, lang locale.Lang) []string {
	t.Helper()
	es, ok := asErrors(err)
	if !ok {
		t.Fatalf("error %v (%T) is not located table errors", err, err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Format(lang))
	}
	return out
}

// figures returns the latest figures as "unit/indicator/period=value".
func figures(t *testing.T, db *store.DB) []string {
	t.Helper()
	obs, err := db.Observations(ctx, store.ObservationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, o := range obs {
		out = append(out, o.Unit+"/"+o.Indicator+"/"+o.Period+"="+table.FormatNumber(o.Value)+" "+string(o.Status))
	}
	return out
}
