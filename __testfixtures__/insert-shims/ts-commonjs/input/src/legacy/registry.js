const entries = [];
exports.register = (entry) => entries.push(entry);
