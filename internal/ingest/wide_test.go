package ingest_test

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

func asErrors(err error) (table.Errors, bool) {
	var es table.Errors
	if errors.As(err, &es) {
		return es, true
	}
	var e *table.Error
	if errors.As(err, &e) {
		return table.Errors{e}, true
	}
	return nil, false
}

func TestImportWide(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		// Headers by code, by Chinese name and in the template's form; an
		// empty cell is not imported, NA is a missing figure; identity,
		// note and reference columns are skipped.
		tb := csv(t, "gdp-2022.csv", "代码,名称,市州,类型,gdp,年末常住人口,一般公共预算收入（rev）,参考：2021年 gdp,备注\n"+
			"620121,永登县,兰州市,农业优先型,150.5,40.1,8.25,140,\n"+
			"620123,榆中县,兰州市,农业优先型, 200 ,,NA,190,核对过\n")
		rev, err := ingest.ImportWideOpts(ctx, db, alice, analyst, tb, ingest.Options{Period: "2022"})
		if err != nil {
			t.Fatal(err)
		}
		if rev.ID == 0 || rev.Kind != "import" || rev.Source != "gdp-2022.csv" || rev.Username != "alice" {
			t.Errorf("revision %+v", rev)
		}
		want := []string{
			"620121/gdp/2022=150.5 reported", "620123/gdp/2022=200 reported",
			"620121/pop/2022=40.1 reported",
			"620121/rev/2022=8.25 reported", "620123/rev/2022= reported",
		}
		if d := cmp.Diff(want, figures(t, db)); d != "" {
			t.Errorf("figures (-want +got):\n%s", d)
		}
		o, err := db.Observation(ctx, store.ObservationKey{Unit: "620123", Indicator: "gdp", Period: "2022"}, store.Latest)
		if err != nil || o.Note != "核对过" || o.Source != "gdp-2022.csv" || o.Revision != rev.ID {
			t.Errorf("figure %+v (%v)", o, err)
		}

		// A period column instead of the option, and a correction status.
		tb = csv(t, "fix.csv", "单位代码,期间,gdp\n620121,2022,151\n")
		rev2, err := ingest.ImportWideOpts(ctx, db, alice, tongji, tb, ingest.Options{Status: store.StatusCorrected,
			Note: store.RevisionNote{Kind: "correction", Note: "复核"}})
		if err != nil {
			t.Fatal(err)
		}
		o, _ = db.Observation(ctx, store.ObservationKey{Unit: "620121", Indicator: "gdp", Period: "2022"}, store.Latest)
		if rev2.ID != rev.ID+1 || rev2.Kind != "correction" || o.Value != 151 || o.Status != store.StatusCorrected {
			t.Errorf("correction: revision %+v, figure %+v", rev2, o)
		}
		old, _ := db.Observation(ctx, store.ObservationKey{Unit: "620121", Indicator: "gdp", Period: "2022"}, rev.ID)
		if old.Value != 150.5 {
			t.Errorf("as of the first revision: %v, want 150.5", old.Value)
		}
	})
}

// TestImportWideErrors checks that every problem of a table is reported at
// once, at its cell, in Chinese by default, and that nothing is written.
func TestImportWideErrors(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		tests := []struct {
			name string
			user auth.User
			opts ingest.Options
			csv  string
			want []string
		}{
			{
				name: "cells", user: analyst, opts: ingest.Options{Period: "2022"},
				csv: "代码,gdp,gdq,rev,地区生产总值\n" +
					"620121,1.5,,abc,\n" +
					"999999,2,,3,\n" +
					",4,,,\n" +
					"620121,5,,6%,\n",
				want: []string{
					"f.csv:1:3: 未知的列 \"gdq\"：不是指标代码或指标名称，也不是代码、名称、市州、类型、期间、备注列",
					"f.csv:1:5: 指标 gdp 有两列（另一列是第 2 列）",
					"f.csv:2:4: 应为数值，实际为 \"abc\"",
					"f.csv:3:1: 未知的单位代码 \"999999\"",
					"f.csv:4:1: 单位代码为空",
					"f.csv:5:1: 单位 620121 在本表中出现两次（第一次在第 2 行）",
					"f.csv:5:4: 应为数值，实际为 \"6%\"",
				},
			},
			{
				name: "no period", user: analyst,
				csv:  "代码,gdp\n620121,1\n",
				want: []string{"f.csv: 未指定期间：请给出期间（如 2022），或在表中加“期间”列"},
			},
			{
				name: "bad and clashing periods", user: analyst, opts: ingest.Options{Period: "2022"},
				csv: "代码,期间,gdp\n620121,2021,1\n620123,22,2\n",
				want: []string{
					"f.csv:2:2: 本行期间 2021 与指定的期间 2022 不一致",
					"f.csv:3:2: 期间 \"22\" 无效：应为 2022、2023-M06 或 2023-Q2 这样的写法",
				},
			},
			{
				name: "no code column", user: analyst, opts: ingest.Options{Period: "2022"},
				csv:  "县,gdp\n620121,1\n",
				want: []string{"f.csv:1: 缺少列 \"代码\"", "f.csv:1:1: 未知的列 \"县\"：不是指标代码或指标名称，也不是代码、名称、市州、类型、期间、备注列"},
			},
			{
				name: "nothing to import", user: analyst, opts: ingest.Options{Period: "2022"},
				csv:  "代码,gdp\n620121,\n",
				want: []string{"f.csv: 表中没有可导入的数值（空单元格不导入；要清除某个数值请填 NA）"},
			},
			{
				// A department's file with another department's column: one
				// error at the column's header, whatever the rows.
				name: "another department's indicator", user: caizh, opts: ingest.Options{Period: "2022"},
				csv:  "代码,rev,gdp\n620121,1,2\n620123,3,4\n",
				want: []string{"f.csv:1:3: 指标 gdp（地区生产总值）由统计局提供，您的账号（cz department 财政厅）无权导入"},
			},
			{
				name: "a county user", user: county, opts: ingest.Options{Period: "2022"},
				csv:  "代码,gdp\n620123,1\n",
				want: []string{"f.csv: 您的账号（yz county 620123）无权导入数据"},
			},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before, _ := db.LatestRevision(ctx)
				_, err := ingest.ImportWideOpts(ctx, db, alice, tt.user, csv(t, "f.csv", tt.csv), tt.opts)
				if d := cmp.Diff(tt.want, messages(t, err, locale.ZH)); d != "" {
					t.Errorf("errors (-want +got):\n%s", d)
				}
				if after, _ := db.LatestRevision(ctx); after != before {
					t.Errorf("a refused import created revision %d", after)
				}
			})
		}
		if got := figures(t, db); len(got) != 0 {
			t.Errorf("refused imports wrote %v", got)
		}
		_, err := ingest.ImportWideOpts(ctx, db, alice, county, csv(t, "f.csv", "代码,gdp\n620123,1\n"), ingest.Options{Period: "2022"})
		if !errors.Is(err, ingest.ErrForbidden) {
			t.Errorf("a county user's import: %v, want ErrForbidden", err)
		}
		_, err = ingest.ImportWideOpts(ctx, db, alice, caizh, csv(t, "f.csv", "代码,gdp\n620123,1\n"), ingest.Options{Period: "2022"})
		if errors.Is(err, ingest.ErrForbidden) || err == nil {
			t.Errorf("a department's import of another's indicator: %v, want located errors only", err)
		}
	})
}

// TestImportWideWorkbook checks workbook locations (FILE:SHEET!B7) and the
// English rendering.
func TestImportWideWorkbook(t *testing.T) {
	db := storetest.MustOpen(t)
	seed(t, db)
	path := filepath.Join(t.TempDir(), "data.xlsx")
	if err := xlsx.WriteFile(path, []xlsx.Sheet{{Name: "数据", Rows: [][]any{
		{"代码", "名称", "gdp", "rev"},
		{"620121", "永登县", 1.5, "x"},
		nil,
		{"620999", "?", 2.0, 3.0},
	}}}); err != nil {
		t.Fatal(err)
	}
	tb, err := xlsx.ReadTable(path, "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ingest.ImportWideOpts(ctx, db, alice, analyst, tb, ingest.Options{Period: "2022"})
	want := []string{
		path + ":数据!D2: expected a number, found \"x\"",
		path + ":数据!A4: unknown unit code \"620999\"",
	}
	if d := cmp.Diff(want, messages(t, err, locale.EN)); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
}
