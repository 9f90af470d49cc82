package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zonestats"
)

// runZonesIndicators is `qiangxian zones indicators --db DSN --out Z.csv
// [--year Y]`: the stored roll-ups of a year (zonestats.Data.Indicators:
// 亩均 classes, 亩均税收, land-use rates and target progress) as a wide
// table a zone method can join to its data: code, then one column per
// indicator, sorted by name; one row per zone, by code; a cell is empty
// where the value is undefined or the zone has none.
func runZonesIndicators(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("zones indicators")
	dsn := fs.String("db", "data/qiangxian.db", e.t("数据库：SQLite 文件路径或 postgres:// DSN", "database: a SQLite file path or a postgres:// DSN"))
	out := fs.String("out", "", e.t("输出 .csv：每个开发区一行", "output .csv: one row per zone"))
	year := fs.Int("year", 0, e.t("企业数据年份（默认最新）", "the enterprise year (default the latest)"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 {
		return e.usageErr("需要 --out", "--out is required")
	}
	if !store.IsPostgres(*dsn) {
		if _, err := os.Stat(*dsn); err != nil {
			return e.usageErr("数据库 %s 不存在：先运行 qiangxian migrate 或 serve", "database %s does not exist: run qiangxian migrate or serve first", *dsn)
		}
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	d, err := zonestats.Load(ctx, db, *year, "")
	if errors.Is(err, store.ErrNotFound) {
		return e.usageErr("%d 年没有企业数据", "no enterprises in %d", *year)
	}
	if err != nil {
		return err
	}
	ind := d.Indicators()
	if err := writeFileAtomic(*out, func(w io.Writer) error { return writeZoneIndicators(w, ind) }); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("%d 个开发区的指标已写入 %s", "indicators of %d zones written to %s", len(ind), *out))
	return nil
}

// writeZoneIndicators writes code and the indicator columns.
func writeZoneIndicators(w io.Writer, ind map[string]map[string]float64) error {
	cols := map[string]bool{}
	for _, vs := range ind {
		for k := range vs {
			cols[k] = true
		}
	}
	names := slices.Sorted(maps.Keys(cols))
	cw := csv.NewWriter(w)
	if err := cw.Write(append([]string{"code"}, names...)); err != nil {
		return err
	}
	for _, z := range slices.Sorted(maps.Keys(ind)) {
		row := []string{z}
		for _, n := range names {
			v, ok := ind[z][n]
			if !ok {
				row = append(row, "")
				continue
			}
			row = append(row, zoneCell(v))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
