#pragma once
/// The figures behind a place's pages as files a BI officer can load: every commitment and
/// project with its latest rating, and every indicator's series with hwbgen's comparison with
/// England and its recent trend, each as CSV and as JSON. The "About the data" page documents
/// their columns; the CSV cells are safe to open in a spreadsheet (render/csv.hpp).
#include <string>
#include <vector>

#include "derive/indicator_figures.hpp"
#include "model/strategy.hpp"

namespace hwbgen::render {

struct OpenDataFile {
    std::string path;  ///< relative to the place's output folder
    std::string bytes;
};

/// Where the files go, relative to the place's output folder: beside the page documenting them.
inline constexpr const char* open_data_folder = "about-data/";

/// commitments.csv, commitments.json, indicators.csv and indicators.json, in that order.
std::vector<OpenDataFile> open_data_files(const model::Place& place,
                                          const std::vector<derive::IndicatorFigure>& figures);

}  // namespace hwbgen::render
