package demo

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// The sheet names of a data workbook.
const (
	DataSheet  = "示例数据"
	NotesSheet = "说明"
)

// IdentityColumns are the data file's first columns, before the indicators.
var IdentityColumns = []string{"代码", "名称", "市州", "类型", "类型2"}

// Header returns the data file's header row.
func Header() []string {
	h := append([]string(nil), IdentityColumns...)
	for _, ind := range Indicators() {
		h = append(h, ind.Code)
	}
	return h
}

// Sheets returns the data workbook: the sheet 示例数据 (one row per county)
// and the sheet 说明 saying what the figures are and how they were made.
func (d *Data) Sheets() []xlsx.Sheet {
	header := Header()
	rows := [][]any{make([]any, len(header))}
	for i, h := range header {
		rows[0][i] = h
	}
	for _, r := range d.Rows {
		cells := []any{r.Code, r.Name, r.Prefecture, r.Type, r.Type2}
		for _, v := range r.Values {
			cells = append(cells, v)
		}
		rows = append(rows, cells)
	}
	widths := []float64{9, 30, 15, 12, 12}
	for range Indicators() {
		widths = append(widths, 12)
	}
	return []xlsx.Sheet{
		{Name: DataSheet, Rows: rows, Widths: widths, BoldHeader: true, FreezeHeader: true},
		{Name: NotesSheet, Rows: d.notes(), Widths: []float64{20, 120}, BoldHeader: true},
	}
}

// notes is the content of the sheet 说明.
func (d *Data) notes() [][]any {
	calib := fmt.Sprintf("86个县（市、区）2022年地区生产总值合计 %.1f 亿元、比上年增长 %.2f%%（公开数：2022年县域经济规模），"+
		"2022年地区生产总值超过100亿元的县（市、区）%d个；2021年合计 %.2f 亿元由此倒推。", GDPTotal2022, GDPNominalGrowth,
		CountiesOver100, GDPTotal2021)
	rows := [][]any{
		{"项目", "内容"},
		{"说明", "本工作簿中的指标数值是程序生成的示例数据（示例数据），不是官方统计数据，只用于演示和测试评价方法，不代表任何县区的实际情况。"},
		{"年份", d.Year},
		{"生成器", fmt.Sprintf("qiangxian demo generate（源代码 internal/demo），固定种子 %d；重复运行得到完全相同的数值。", Seed)},
		{"校准", calib},
		{"公开报道数", "2022年：凉州区 417.7 亿元；民勤县 107.85 亿元；古浪县 80.9 亿元、增长 6.5%；天祝藏族自治县 71.1 亿元、增长 8.2%；崆峒区 193.03 亿元、增长 7.3%。生成数据与之完全一致。"},
		{"真实部分", "行政区划代码和名称（modood/Administrative-divisions-of-China，WTFPL 许可）；第七次全国人口普查常住人口和城镇人口（leiii/census，MIT 许可），按2010—2020年趋势外推到当年；公开报道的10个县区类型。其余数值均为生成。"},
		{"生成方法", "人均地区生产总值由城镇化率、市州效应、县区类型和随机扰动决定，乘以常住人口，再按公开总量和百亿县个数校准；其他指标按与经济规模、城镇化、类型和市州的关系生成（例如粮食产量随农业优先型、旅游收入随文旅赋能型、森林覆盖率随生态功能型升高）。详见 examples/gansu/README.md。"},
		{"名次校准", "各县的增速、省外到位资金、观摩评议得分等按“潜在实力”调整，使本示例办法（method.toml）算出的结果与公开名单一致：2021年十强县、先进县，2022年报道的进步县（古浪县上升24位、华池县21位、镇原县12位）和先进县（民勤县、崆峒区、临夏市）。其余名次、未公开的类型和全部事件均为虚构。"},
		{"代码 名称 市州", "行政区划代码、县（市、区）名称、所属市州"},
		{"类型 类型2", "县域类型（主类型；第二类型，可空）"},
	}
	for _, ind := range Indicators() {
		rows = append(rows, []any{ind.Code, fmt.Sprintf("%s（%s，%s提供）", ind.Name, ind.Unit, ind.Dept)})
	}
	return rows
}

// utf8BOM makes Excel and WPS open the CSV files as UTF-8; table.Read skips
// it.
const utf8BOM = "\ufeff"

// WriteEventsCSV writes the events table (events-2022.csv).
func (d *Data) WriteEventsCSV(w io.Writer) error {
	rows := [][]string{{"单位代码", "日期", "事件类型", "提供部门", "文号", "备注"}}
	for _, e := range d.Events {
		rows = append(rows, []string{e.Code, e.Date, e.Type, e.Dept, e.DocNo, e.Note})
	}
	return writeCSV(w, rows)
}

// WriteTargetsCSV writes the targets table (targets-2022.csv).
func (d *Data) WriteTargetsCSV(w io.Writer) error {
	rows := [][]string{{"单位代码", "指标", "目标值", "备注"}}
	for _, t := range d.Targets {
		rows = append(rows, []string{t.Code, t.Indicator, table.FormatNumber(t.Value), t.Note})
	}
	return writeCSV(w, rows)
}

func writeCSV(w io.Writer, rows [][]string) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// WriteFiles generates both years and writes data-2021.xlsx,
// data-2022.xlsx, events-2022.csv, targets-2021.csv, targets-2022.csv and
// the method it is calibrated with, method.toml, into dir (which must
// exist), each atomically. It returns the paths written.
func WriteFiles(dir string) ([]string, error) {
	var paths []string
	var ds []*Data
	for _, y := range years {
		d, err := Generate(y)
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, fmt.Sprintf("data-%d.xlsx", y))
		if err := xlsx.WriteFile(p, d.Sheets()); err != nil {
			return nil, err
		}
		paths = append(paths, p)
		ds = append(ds, d)
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"events-2022.csv", ds[1].WriteEventsCSV},
		{"targets-2021.csv", ds[0].WriteTargetsCSV},
		{"targets-2022.csv", ds[1].WriteTargetsCSV},
		{"method.toml", func(w io.Writer) error { _, err := w.Write(methodTOML); return err }},
	} {
		var buf bytes.Buffer
		if err := f.write(&buf); err != nil {
			return nil, err
		}
		p := filepath.Join(dir, f.name)
		if err := writeAtomic(p, buf.Bytes()); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// writeAtomic writes data to path through a temporary file renamed into
// place.
func writeAtomic(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	// CreateTemp makes the file private (0600); an output file is
	// meant to be shared like any other document.
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
