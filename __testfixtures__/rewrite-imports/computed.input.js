const name = process.env.MODEL || 'booking';
const model = require(`./models/${name}`);
const lazy = () => import('./models/' + name);
module.exports = { model, lazy };
