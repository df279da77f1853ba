const entries = [];
exports.add = (entry) => entries.push(entry);
