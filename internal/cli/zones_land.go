package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"

	"github.com/qiangxian/qiangxian/internal/zone/landuse"
)

// runZonesLand is `qiangxian zones land --land L.csv|.xlsx --out U.csv
// [--sheet NAME]`: the land-use figures of each zone (landuse.Compute).
// U has one row per row of L, in L's order: zone, year (when L has a year
// column), then the rates under the names landuse.Indicators gives them:
// land_development_rate, land_supply_rate, land_built_rate,
// land_plot_ratio, land_industrial_plot_ratio, land_investment_intensity,
// land_tax_per_ha, land_industrial_tax_per_ha, land_idle_rate,
// land_unsupplied_disposal_rate and land_idle_disposal_rate, empty where
// undefined.
func runZonesLand(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("zones land")
	lpath := fs.String("land", "", e.t("开发区土地表 .csv 或 .xlsx（zone,total_area,available,supplied,built,…，面积单位公顷）",
		"zone land table .csv or .xlsx (zone,total_area,available,supplied,built,…, areas in ha)"))
	sheet := fs.String("sheet", "", e.t("工作表名称（.xlsx；默认第一个）", "sheet name (.xlsx; default the first)"))
	out := fs.String("out", "", e.t("输出 .csv：每个开发区一行", "output .csv: one row per zone"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if *lpath == "" || *out == "" {
		return e.usageErr("需要 --land 和 --out", "--land and --out are required")
	}
	t, err := openAnyTable(*lpath, *sheet)
	if err != nil {
		return err
	}
	lands, err := landuse.ReadLand(t)
	if err != nil {
		return err
	}
	withYear := t.Col("year") >= 0
	err = writeFileAtomic(*out, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		head := []string{"zone"}
		if withYear {
			head = append(head, "year")
		}
		for _, c := range landuse.Columns {
			head = append(head, "land_"+c)
		}
		if err := cw.Write(head); err != nil {
			return err
		}
		for i := range lands {
			row := []string{lands[i].Zone}
			if withYear {
				row = append(row, lands[i].Year)
			}
			for _, v := range landuse.Compute(&lands[i]).Values() {
				row = append(row, zoneCell(v))
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("%d 个开发区的土地利用指标已写入 %s", "land use of %d zones written to %s", len(lands), *out))
	return nil
}
